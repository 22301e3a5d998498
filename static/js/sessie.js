// Session warning (WCAG 2.2.1): two minutes before the session ends a dialog offers to extend it;
// when it has ended, it says so and links to the login, which leads back here (concepten.js keeps
// the text). The server gives the seconds left (data-session-seconds). Without this file the
// dialog never opens.
(function () {
  "use strict";

  var dialog = document.getElementById("sessie-waarschuwing");
  if (!dialog || typeof dialog.showModal !== "function") return;

  var WARN_BEFORE = 120 * 1000;
  var title = document.getElementById("sessie-titel");
  var soon = dialog.querySelector("[data-sessie-bijna]");
  var ended = dialog.querySelector("[data-sessie-verlopen]");
  var failed = dialog.querySelector("[data-sessie-mislukt]");
  var extendButton = dialog.querySelector("[data-sessie-verlengen]");
  var status = document.querySelector("[data-sessie-status]");
  var deadline = 0;
  var warned = false;
  var returnFocus = null;

  function setDeadline(seconds) {
    deadline = Date.now() + seconds * 1000;
    warned = false;
  }

  function open() {
    if (dialog.open) return;
    returnFocus = document.activeElement;
    dialog.showModal();
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function showEnded() {
    title.textContent = title.getAttribute("data-verlopen");
    soon.hidden = true;
    ended.hidden = false;
    open();
  }

  // Timers sleep in background tabs: compare with the deadline instead of trusting one timeout.
  function check() {
    var left = deadline - Date.now();
    if (left <= 0) {
      window.clearInterval(timer);
      showEnded();
    } else if (left <= WARN_BEFORE && !warned) {
      warned = true;
      failed.hidden = true;
      open();
    }
  }

  extendButton.addEventListener("click", function () {
    fetch(dialog.getAttribute("data-extend-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
    })
      .then(function (response) {
        if (response.status === 401) return { ended: true };
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (answer) {
        if (answer.ended) {
          deadline = 0;
          check();
          return;
        }
        setDeadline(answer.seconds_left);
        dialog.close();
        status.textContent = "";
        window.setTimeout(function () { status.textContent = status.getAttribute("data-verlengd"); }, 50);
      })
      .catch(function () { failed.hidden = false; });
  });

  dialog.addEventListener("close", function () {
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
  });

  setDeadline(Number(dialog.getAttribute("data-session-seconds")));
  var timer = window.setInterval(check, 1000);
  check();
})();
