/* Type-ahead for the search field: an ARIA 1.2 combobox with a listbox of readable titles.
   Without JavaScript the field is a plain search box; this only adds suggestions. */
(function () {
  "use strict";
  var wrapper = document.querySelector(".zoeken-typeahead");
  if (!wrapper) { return; }
  var input = wrapper.querySelector("input[type=search]");
  var form = input.form;
  var url = wrapper.getAttribute("data-suggest-url");
  var list = document.createElement("ul");
  var status = document.createElement("div");
  var items = [];
  var active = -1;
  var timer = null;
  var lastQuery = "";
  var TYPES = { handreiking: "Handreiking", instrument: "Instrument", voorbeeld: "Voorbeeld", publicatie: "Publicatie",
    themagroep: "Themagroep", discussie: "Discussie", bijeenkomst: "Bijeenkomst" };

  list.id = "zoek-suggesties";
  list.className = "zoeken-suggesties";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggesties");
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  wrapper.appendChild(list);
  wrapper.appendChild(status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); }
    else { input.removeAttribute("aria-activedescendant"); }
  }

  function choose(index) {
    input.value = items[index].getAttribute("data-title");
    close();
    form.submit();
  }

  function render(suggestions) {
    list.textContent = "";
    items = suggestions.map(function (s, i) {
      var li = document.createElement("li");
      var kind = document.createElement("span");
      li.id = "zoek-suggestie-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.setAttribute("data-title", s.title);
      li.appendChild(document.createTextNode(s.title));
      kind.className = "zoeken-suggesties__soort";
      kind.textContent = "(" + (TYPES[s.type] || s.type) + ")";
      li.appendChild(kind);
      li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
      list.appendChild(li);
      return li;
    });
    if (items.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = items.length + (items.length === 1 ? " suggestie" : " suggesties") + " beschikbaar, gebruik de pijltjestoetsen.";
    } else {
      close();
      status.textContent = "";
    }
    active = -1;
  }

  function fetchSuggestions() {
    var q = input.value.trim();
    if (q.length < 2) { render([]); return; }
    if (q === lastQuery) { return; }
    lastQuery = q;
    fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (data.query === input.value.trim()) { render(data.suggestions); } })
      .catch(function () { render([]); });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    lastQuery = lastQuery === input.value.trim() ? "" : lastQuery;
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden || !items.length) { return; }
    if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % items.length); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(active); }
    else if (event.key === "Escape") { event.preventDefault(); close(); }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
}());
