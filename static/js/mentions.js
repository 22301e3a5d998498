// Typing @ in a post offers the group's members to mention (progressive enhancement: without
// this file members type the handle themselves, as shown on the member list).
// The text box keeps focus; the suggestions are a listbox it controls (aria-controls) with the
// highlighted option as aria-activedescendant, and a status line says how many there are.
(function () {
  "use strict";
  var TRIGGER = /(^|[\s(])@([\w.\-]*)$/;

  function setUp(form, textarea) {
    var url = form.getAttribute("data-mention-url");
    var listbox = document.createElement("ul");
    listbox.id = textarea.id + "-noemen";
    listbox.className = "mention-list";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", "Leden om te noemen");
    listbox.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    textarea.insertAdjacentElement("afterend", listbox);
    listbox.insertAdjacentElement("afterend", status);
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-controls", listbox.id);

    var options = [], active = -1, timer = null, typed = null;

    function close() {
      listbox.hidden = true;
      listbox.textContent = "";
      options = [];
      active = -1;
      textarea.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) { textarea.setAttribute("aria-activedescendant", options[index].id); }
    }

    function choose(option) {
      var caret = textarea.selectionStart;
      var before = textarea.value.slice(0, caret).replace(TRIGGER, "$1@" + option.getAttribute("data-handle") + " ");
      textarea.value = before + textarea.value.slice(caret);
      textarea.setSelectionRange(before.length, before.length);
      status.textContent = option.getAttribute("data-name") + " genoemd.";
      close();
    }

    function show(members) {
      close();
      members.forEach(function (member, i) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("data-handle", member.handle);
        option.setAttribute("data-name", member.name);
        option.textContent = member.name + " (@" + member.handle + ")";
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(option); });
        listbox.appendChild(option);
        options.push(option);
      });
      listbox.hidden = options.length === 0;
      status.textContent = options.length
        ? options.length + (options.length === 1 ? " lid" : " leden") + " gevonden. Kies met pijltje omlaag en Enter."
        : "Geen lid gevonden.";
      if (options.length) { highlight(0); }
    }

    textarea.addEventListener("input", function () {
      var match = textarea.value.slice(0, textarea.selectionStart).match(TRIGGER);
      clearTimeout(timer);
      if (!match) { close(); return; }
      typed = match[2];
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(typed), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { members: [] }; })
          .then(function (data) { show(data.members); })
          .catch(close);
      }, 150);
    });

    textarea.addEventListener("keydown", function (event) {
      if (listbox.hidden) { return; }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + options.length) % options.length);
      } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    textarea.addEventListener("blur", close);
  }

  document.querySelectorAll("form[data-mention-url]").forEach(function (form) {
    var textarea = form.querySelector("textarea[name=body]");
    if (textarea && window.fetch) { setUp(form, textarea); }
  });
})();
