/* The holder picker and the model list that follows the make (registry/widgets.py). Both fields work without this
   script: the picker is a text input for a number or #id, the model list lists every model. */
(function () {
  "use strict";

  function debounce(fn, ms) {
    var timer;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  function initPicker(input) {
    if (input.dataset.pickerReady) { return; }
    input.dataset.pickerReady = "1";
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var chosen = document.getElementById(input.id + "-chosen");
    var active = -1;

    function options() { return Array.prototype.slice.call(list.querySelectorAll("[data-pick-value]")); }
    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function pick(option) {
      input.value = option.dataset.pickValue;
      if (chosen) { chosen.textContent = option.dataset.pickLabel; }
      close();
    }
    function highlight(step) {
      var opts = options();
      active = (active + step + opts.length) % opts.length;
      opts.forEach(function (o, i) { o.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", opts[active].id);
    }
    var search = debounce(function () {
      var q = input.value.trim();
      if (q.length < 2 || q.charAt(0) === "#") { close(); return; }
      fetch(input.dataset.partyPicker + "?q=" + encodeURIComponent(q),
            {credentials: "same-origin", headers: {"X-Requested-With": "fetch"}})
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) {
          if (input.value.trim() !== q) { return; }
          list.innerHTML = html;  /* a fragment rendered (and escaped) by the server */
          options().forEach(function (o, i) { o.id = list.id + "-" + i; });
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
          active = -1;
        })
        .catch(close);
    }, 200);

    input.addEventListener("input", function () { if (chosen) { chosen.textContent = ""; } search(); });
    input.addEventListener("keydown", function (e) {
      if (list.hidden || !options().length) { return; }
      if (e.key === "ArrowDown" || e.key === "ArrowUp") { e.preventDefault(); highlight(e.key === "ArrowDown" ? 1 : -1); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); pick(options()[active]); }
      else if (e.key === "Escape") { close(); }
    });
    list.addEventListener("mousedown", function (e) {
      var option = e.target.closest("[data-pick-value]");
      if (option) { e.preventDefault(); pick(option); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  function initModelFilter(select) {
    var make = document.getElementById(select.dataset.makeField);
    if (!make || select.dataset.filterReady) { return; }
    select.dataset.filterReady = "1";
    function apply() {
      Array.prototype.forEach.call(select.options, function (o) {
        var show = !o.dataset.make || !make.value || o.dataset.make === make.value;
        o.hidden = !show;
        o.disabled = !show;
      });
      if (select.selectedOptions.length && select.selectedOptions[0].disabled) { select.value = ""; }
    }
    make.addEventListener("change", apply);
    apply();
  }

  function init() {
    document.querySelectorAll("input[data-party-picker]").forEach(initPicker);
    document.querySelectorAll("select[data-make-field]").forEach(initModelFilter);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
}());
