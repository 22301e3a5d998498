// Live unread counter in the header. Without this file (or without WebSockets) the counter
// simply shows the number from the last page load.
(function () {
  "use strict";
  var link = document.querySelector("[data-notification-counter]");
  if (!link || !("WebSocket" in window)) { return; }
  var badge = link.querySelector("[data-unread-count]");
  var announcer = document.querySelector("[data-unread-announcer]");
  var retries = 0;

  function show(count) {
    var previous = parseInt(badge.textContent, 10) || 0;
    badge.textContent = String(count);
    badge.classList.toggle("notification-counter__badge--empty", count === 0);
    if (announcer && count > previous) {
      announcer.textContent = count === 1 ? "1 ongelezen melding" : count + " ongelezen meldingen";
    }
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + link.getAttribute("data-socket-path"));
    socket.addEventListener("open", function () { retries = 0; });
    socket.addEventListener("message", function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "unread") { show(data.unread); }
    });
    socket.addEventListener("close", function (event) {
      // 4403: not (or no longer) signed in — do not keep knocking. Otherwise keep trying (at
      // most every 30 s), so live counts come back by themselves after a Redis outage.
      if (event.code === 4403) { return; }
      retries += 1;
      window.setTimeout(connect, Math.min(1000 * retries * retries, 30000));
    });
  }
  connect();
})();
