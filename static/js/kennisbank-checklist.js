// Checklists in handreiking chapters: remember ticked items in this browser only (localStorage).
// Without JavaScript the boxes still tick; they are just not remembered.
(function () {
  "use strict";
  var PREFIX = "kennisbank:checklist:";

  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(PREFIX + key) || "{}"); } catch (e) { return {}; }
  }

  function save(key, state) {
    try { window.localStorage.setItem(PREFIX + key, JSON.stringify(state)); } catch (e) { /* storage full or blocked */ }
  }

  document.querySelectorAll("[data-checklist]").forEach(function (list) {
    var key = list.getAttribute("data-checklist");
    var state = load(key);
    list.querySelectorAll("input[type=checkbox][data-item]").forEach(function (box) {
      var item = box.getAttribute("data-item");
      box.checked = !!state[item];
      box.addEventListener("change", function () {
        state[item] = box.checked;
        save(key, state);
      });
    });
  });
})();
