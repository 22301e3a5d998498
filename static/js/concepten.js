// Drafts: what is typed in a reply or a new topic is kept in this browser (localStorage) until it
// is posted, so an expired session or a closed tab loses nothing. The key holds the member's id
// and the topic or group (templates: data-concept). Without this file the forms work as before.
(function () {
  "use strict";

  var PREFIX = "kp-concept:";
  var MAX_AGE = 14 * 24 * 3600 * 1000;  // a draft nobody came back to does not stay for ever
  var storage;
  try {
    storage = window.localStorage;
    storage.getItem(PREFIX);
  } catch (error) { return; }  // storage refused (privacy settings): nothing to keep

  function read(name) {
    try { return JSON.parse(storage.getItem(name)); } catch (error) { return null; }
  }

  Object.keys(storage).forEach(function (name) {
    if (name.indexOf(PREFIX) !== 0) return;
    var draft = read(name);
    if (!draft || !(Date.now() - draft.saved < MAX_AGE)) storage.removeItem(name);
  });

  // The server says which draft it just accepted (after the redirect of a successful post).
  document.querySelectorAll("[data-concept-geplaatst]").forEach(function (element) {
    storage.removeItem(PREFIX + element.getAttribute("data-concept-geplaatst"));
  });

  document.querySelectorAll("form[data-concept]").forEach(function (form) {
    var name = PREFIX + form.getAttribute("data-concept");
    var fields = form.querySelectorAll("input[name=title], textarea[name=body]");
    var draft = read(name);
    var restored = false;
    if (draft && draft.fields) {
      fields.forEach(function (field) {
        // Never over what the server filled in (a quote, or the text of a refused post).
        var text = draft.fields[field.name];
        if (text && !field.value.trim()) {
          field.value = text;
          restored = true;
        }
      });
    }
    var status = form.querySelector("[data-concept-status]");
    if (restored && status) status.hidden = false;

    function save() {
      var values = {};
      var any = false;
      fields.forEach(function (field) {
        values[field.name] = field.value;
        if (field.value.trim()) any = true;
      });
      try {
        if (any) storage.setItem(name, JSON.stringify({ saved: Date.now(), fields: values }));
        else storage.removeItem(name);
      } catch (error) { /* storage full: the form itself still works */ }
    }
    form.addEventListener("input", save);
    form.addEventListener("change", save);  // also text put in by a script (mentions.js)
  });
})();
