// The site's only script (the Content-Security-Policy allows no inline script or event handler):
// [data-submit-on-change] submits its form when changed (the language menu); [data-print] prints the page;
// [data-menu-toggle] folds and unfolds the main menu on a narrow screen (without this script the menu stays open).
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-menu-toggle]").forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      document.getElementById(button.getAttribute("aria-controls")).classList.toggle("open", open);
    });
  });
  document.querySelectorAll("[data-submit-on-change]").forEach(function (el) {
    el.addEventListener("change", function () { el.form.submit(); });
  });
  document.querySelectorAll("[data-print]").forEach(function (el) {
    el.addEventListener("click", function () { window.print(); });
  });
});
