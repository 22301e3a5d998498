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
  // While the person writes (the reply form has focus or text) or has paused, new replies wait
  // behind a button instead of moving the page under their hands (WCAG 2.2.2/3.2).
  var form = document.querySelector("#reageren form");
  var textarea = form && form.querySelector("textarea[name=body]");
  var controls = document.querySelector("[data-live-bediening]");
  var showButton = controls && controls.querySelector("[data-nieuwe-reacties]");
  var pauseButton = controls && controls.querySelector("[data-live-pauze]");
  var waiting = [];

  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function updateCount() {
    var count = document.querySelector(".replies__count");
    if (count) count.textContent = "(" + list.querySelectorAll(".posts__item").length + ")";
  }

  function holding() {
    if (!controls) return false;
    var writing = form && (form.contains(document.activeElement) || (textarea && textarea.value.trim() !== ""));
    // Once replies wait, later ones wait too: they must not appear before the earlier ones.
    return waiting.length > 0 || writing || pauseButton.getAttribute("aria-pressed") === "true";
  }

  function insert(items) {
    var empty = document.getElementById("nog-geen-reacties");
    if (empty) empty.remove();
    items.forEach(function (item) { list.appendChild(item); });
    updateCount();
  }

  // The button's and the announcement's texts come from the template (data-een / data-meer).
  function counted(element, prefix, count) {
    var text = element.getAttribute(count === 1 ? prefix + "een" : prefix + "meer");
    return text.replace("{aantal}", String(count));
  }

  function updateWaiting() {
    showButton.textContent = counted(showButton, "data-", waiting.length);
    showButton.hidden = waiting.length === 0;
    if (waiting.length) announce(counted(showButton, "data-melding-", waiting.length));
  }

  function showWaiting() {
    var first = waiting[0];
    insert(waiting);
    waiting = [];
    updateWaiting();
    if (first) first.focus();
  }

  function known(id) {
    return document.getElementById(id) || waiting.some(function (item) { return item.id === id; });
  }

  function addReply(message) {
    if (known("reactie-" + message.reply_id)) return;
    fetch(message.url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var template = document.createElement("template");
        template.innerHTML = html.trim();  // rendered by our server from sanitised HTML
        var item = template.content.firstElementChild;
        if (known(item.id)) return;
        if (holding()) {
          waiting.push(item);
          updateWaiting();
          return;
        }
        insert([item]);
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

  if (controls) {
    controls.hidden = false;
    showButton.addEventListener("click", showWaiting);
    pauseButton.addEventListener("click", function () {
      var paused = pauseButton.getAttribute("aria-pressed") !== "true";
      pauseButton.setAttribute("aria-pressed", paused ? "true" : "false");
      announce(pauseButton.getAttribute(paused ? "data-gepauzeerd" : "data-hervat"));
    });
  }
  connect();
})();
