// Live replies on a topic page. The WebSocket only says "reply N was added"; the reply itself is
// fetched over HTTP so the normal permission check applies. Without this file (or without
// WebSockets) the page works as before: replies appear on the next load.
(function () {
  "use strict";

  var topic = document.querySelector("[data-live-url]");
  var list = document.getElementById("reacties");
  var announcer = document.getElementById("live-aankondiging");
  if (!topic || !list || !("WebSocket" in window)) return;

  var FORBIDDEN = 4403;
  var retries = 0;

  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function updateCount() {
    var count = document.querySelector(".replies__count");
    if (count) count.textContent = "(" + list.querySelectorAll(".posts__item").length + ")";
  }

  function addReply(message) {
    if (document.getElementById("reactie-" + message.reply_id)) return;
    fetch(message.url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        if (document.getElementById("reactie-" + message.reply_id)) return;
        var empty = document.getElementById("nog-geen-reacties");
        if (empty) empty.remove();
        var template = document.createElement("template");
        template.innerHTML = html.trim();  // rendered by our server from sanitised HTML
        var item = template.content.firstElementChild;
        list.appendChild(item);
        updateCount();
        var author = item.querySelector(".post__author");
        announce("Nieuwe reactie" + (author ? " van " + author.textContent.trim() : "") + ".");
      })
      .catch(function () { /* not readable (any more) or network trouble: the next load shows it */ });
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + topic.getAttribute("data-live-url"));
    socket.addEventListener("open", function () {
      retries = 0;
      topic.setAttribute("data-live", "verbonden");
    });
    socket.addEventListener("message", function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (error) { return; }
      if (message.type === "reply.created") addReply(message);
    });
    socket.addEventListener("close", function (event) {
      topic.setAttribute("data-live", "gesloten");
      if (event.code === FORBIDDEN) return;  // logged out or no longer a member: stay quiet
      // Keep trying (at most every 30 s): live replies come back by themselves after an outage.
      retries += 1;
      window.setTimeout(connect, Math.min(1000 * retries * retries, 30000));
    });
  }

  connect();
})();
