// The site's only script (the Content-Security-Policy allows no inline script or event handler):
// [data-submit-on-change] submits its form when changed (the language menu); [data-print] prints the page.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-submit-on-change]").forEach(function (el) {
    el.addEventListener("change", function () { el.form.submit(); });
  });
  document.querySelectorAll("[data-print]").forEach(function (el) {
    el.addEventListener("click", function () { window.print(); });
  });
});
