// Progress of a running chain verification: polls [data-poll] (the job's JSON) every second, updates its
// <progress>, and reloads the page once the job has finished.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-poll]").forEach(function (box) {
    var bar = box.querySelector("progress"), read = box.querySelector("[data-read]");
    var timer = setInterval(function () {
      fetch(box.dataset.poll, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (job) {
        if (bar) { bar.max = Math.max(job.total, 1); bar.value = job.read; }
        if (read) { read.textContent = job.read; }
        if (job.status !== "queued" && job.status !== "running") { clearInterval(timer); window.location.reload(); }
      });
    }, 1000);
  });
});
