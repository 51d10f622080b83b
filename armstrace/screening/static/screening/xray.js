// Draw and label boxes on an X-ray image; boxes are saved through the screening API (no inline script: the page
// passes its settings as data- attributes).
(function () {
  "use strict";
  var root = document.getElementById("xray");
  if (!root) { return; }
  var img = document.getElementById("xray-image");
  var canvas = document.getElementById("xray-canvas");
  var status = document.getElementById("xray-status");
  var tbody = document.querySelector("#xray-boxes tbody");
  var csrf = root.querySelector("input[name=csrfmiddlewaretoken]").value;
  var imageId = Number(root.dataset.image);
  var natural = {w: Number(root.dataset.width), h: Number(root.dataset.height)};
  var mayEdit = root.dataset.mayEdit === "1";
  var boxes = [];
  var drag = null;

  function scale() { return img.clientWidth / natural.w; }

  function send(method, url, body) {
    return fetch(url, {
      method: method, credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json"},
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.json().then(function (data) { if (!r.ok) { throw data; } return data; });
    });
  }

  function labelText(value) {
    var option = root.querySelector("#xray-label option[value='" + value + "']");
    return option ? option.textContent : value;
  }

  function draw() {
    canvas.width = img.clientWidth;
    canvas.height = img.clientHeight;
    var ctx = canvas.getContext("2d"), s = scale();
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.lineWidth = 2;
    ctx.font = "13px sans-serif";
    boxes.forEach(function (b) {
      ctx.strokeStyle = b.confirmed ? "#d00" : "#f90";
      ctx.setLineDash(b.confirmed ? [] : [6, 4]);
      ctx.strokeRect(b.x * s, b.y * s, b.width * s, b.height * s);
      ctx.fillStyle = ctx.strokeStyle;
      ctx.fillText(labelText(b.label), b.x * s + 3, b.y * s + 14);
    });
    if (drag && drag.w) {
      ctx.strokeStyle = "#06c";
      ctx.setLineDash([]);
      ctx.strokeRect(drag.x, drag.y, drag.w, drag.h);
    }
  }

  function confirmButton(b) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = root.dataset.textConfirm;
    button.addEventListener("click", function () {
      send("POST", root.dataset.confirmUrl.replace("/0/", "/" + b.id + "/")).then(function (saved) {
        b.confirmed = saved.confirmed;
        render();
      });
    });
    return button;
  }

  function render() {
    tbody.textContent = "";
    boxes.forEach(function (b) {
      var row = tbody.insertRow();
      row.insertCell().textContent = labelText(b.label);
      row.insertCell().textContent = [b.x, b.y, b.width, b.height].map(Math.round).join(", ");
      row.insertCell().textContent = b.source + (b.confirmed ? "" : " (" + root.dataset.textSuggested + ")");
      var action = row.insertCell();
      if (!b.confirmed && mayEdit) { action.appendChild(confirmButton(b)); }
    });
    draw();
  }

  function load() {
    fetch(root.dataset.labelsUrl + "?image=" + imageId, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (data) { boxes = data.results || data; render(); });
  }

  function point(event) {
    var rect = canvas.getBoundingClientRect();
    return {x: Math.max(0, Math.min(event.clientX - rect.left, rect.width)),
            y: Math.max(0, Math.min(event.clientY - rect.top, rect.height))};
  }

  if (mayEdit) {
    canvas.addEventListener("pointerdown", function (event) {
      var p = point(event);
      drag = {x0: p.x, y0: p.y, x: p.x, y: p.y, w: 0, h: 0};
      canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var p = point(event);
      drag.x = Math.min(drag.x0, p.x); drag.y = Math.min(drag.y0, p.y);
      drag.w = Math.abs(p.x - drag.x0); drag.h = Math.abs(p.y - drag.y0);
      draw();
    });
    canvas.addEventListener("pointerup", function () {
      var box = drag, s = scale();
      drag = null;
      if (!box || box.w < 3 || box.h < 3) { draw(); return; }
      send("POST", root.dataset.labelsUrl, {
        image: imageId, label: document.getElementById("xray-label").value,
        x: box.x / s, y: box.y / s, width: Math.min(box.w / s, natural.w - box.x / s),
        height: Math.min(box.h / s, natural.h - box.y / s)
      }).then(function (saved) {
        boxes.push(saved);
        status.textContent = root.dataset.textSaved;
        render();
      }).catch(function (error) { status.textContent = JSON.stringify(error); draw(); });
    });
  }

  var detect = document.getElementById("xray-detect");
  if (detect) {
    detect.addEventListener("click", function () {
      send("POST", root.dataset.detectUrl).then(function (found) {
        boxes = boxes.concat(found);
        render();
      }).catch(function (error) { status.textContent = error.detail || JSON.stringify(error); });
    });
  }
  window.addEventListener("resize", draw);
  if (img.complete) { load(); } else { img.addEventListener("load", load); }
}());
