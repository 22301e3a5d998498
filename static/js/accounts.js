// Sign-up: suggest the organisation that belongs to the e-mail domain (progressive enhancement;
// without JavaScript the server applies the same suggestion when the field is left empty).
(function () {
  "use strict";
  var select = document.querySelector("select[data-organisation-suggest]");
  var email = document.querySelector("input[name=email]");
  if (!select || !email || !window.fetch) { return; }
  // The hint only matters when this script suggests something, so it is created here.
  var hint = document.createElement("p");
  hint.className = "helptext organisation-suggestion";
  hint.id = "organisation-suggestion";
  hint.setAttribute("aria-live", "polite");
  select.insertAdjacentElement("afterend", hint);

  function suggest() {
    if (select.value || email.value.indexOf("@") < 1) { return; }
    var url = select.getAttribute("data-organisation-suggest") + "?email=" + encodeURIComponent(email.value);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { organisation: null }; })
      .then(function (data) {
        if (!data.organisation || select.value) { hint.textContent = ""; return; }
        select.value = String(data.organisation.id);
        hint.textContent = "Voorgesteld op basis van uw e-mailadres: " + data.organisation.name + ". U kunt dit wijzigen.";
      })
      .catch(function () { hint.textContent = ""; });
  }
  email.addEventListener("change", suggest);
})();
