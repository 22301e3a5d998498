// Sign-up: suggest the organisation that belongs to the e-mail domain (progressive enhancement;
// without JavaScript the server applies the same suggestion when the field is left empty).
(function () {
  "use strict";
  var select = document.querySelector("select[data-organisation-suggest]");
  var email = document.querySelector("input[name=email]");
  var hint = document.getElementById("organisation-suggestion");
  if (!select || !email || !hint || !window.fetch) { return; }

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
