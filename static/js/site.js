// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Error summary (templates/forms/form.html): it takes focus itself (autofocus); its links move
  // focus into the field, not only the scroll position, as a fragment link alone would.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) { return; }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) { return; }
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: "center" });
  });
  // A confirmation after an action (the messages inside main) takes focus, so keyboard and
  // screen-reader users hear it where they are, unless a form's error summary needs it more.
  var status = document.querySelector("[data-messages]");
  if (status && !document.querySelector("[data-error-summary]")) { status.focus(); }
})();
