// Markdown preview without reloading the page. Without this file the "Voorbeeld" button posts
// the form and the server renders the preview; this only makes it quicker.
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function previewRegion(form) {
    var region = document.getElementById("voorbeeld");
    if (!region) {
      region = document.createElement("section");
      region.id = "voorbeeld";
      region.className = "preview";
      region.setAttribute("aria-labelledby", "voorbeeld-titel");
      region.setAttribute("aria-live", "polite");
      var heading = document.createElement("h2");
      heading.id = "voorbeeld-titel";
      heading.textContent = "Voorbeeld";
      var body = document.createElement("div");
      body.className = "rich-text preview__body";
      body.setAttribute("data-preview-target", "");
      region.appendChild(heading);
      region.appendChild(body);
      form.parentNode.insertBefore(region, form);
    }
    return region.querySelector("[data-preview-target]");
  }

  document.querySelectorAll("form[data-preview-url]").forEach(function (form) {
    var button = form.querySelector("button[name=voorbeeld]");
    var textarea = form.querySelector("textarea[name=body]");
    if (!button || !textarea) return;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var data = new FormData();
      data.append("body", textarea.value);
      fetch(form.getAttribute("data-preview-url"), {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(form) },
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (html) {
          // The server sanitised this HTML (markdown-it with raw HTML off, then nh3).
          previewRegion(form).innerHTML = html;
        })
        .catch(function () {
          form.requestSubmit(button);
        });
    });
  });
})();
