// The print button of a chapter: hidden without JavaScript (the browser's own print still works).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
