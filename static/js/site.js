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
  // Logging out on purpose forgets the drafts this browser kept (js/concepten.js): the next
  // person at a shared computer must not find them. An expired session keeps them, as intended.
  document.addEventListener("submit", function (event) {
    if (!event.target.hasAttribute || !event.target.hasAttribute("data-concepten-wissen")) { return; }
    try {
      Object.keys(window.localStorage).forEach(function (name) {
        if (name.indexOf("kp-concept:") === 0) { window.localStorage.removeItem(name); }
      });
    } catch (error) { /* storage refused: nothing was kept */ }
  });
  // A confirmation after an action (the messages inside main) takes focus, so keyboard and
  // screen-reader users hear it where they are, unless a form's error summary needs it more.
  var status = document.querySelector("[data-messages]");
  if (status && !document.querySelector("[data-error-summary]")) { status.focus(); }
})();
