// Console behaviour without inline script (the CSP forbids it): CSRF header for htmx, charts from data attributes.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) {
      event.detail.headers[c.header] = c.token;
    }
  });

  // <canvas data-chart='{"type":"bar","data":{...},"options":{...}}'> becomes a Chart.js chart.
  function drawCharts(root) {
    if (typeof Chart === 'undefined') {
      return;
    }
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = 'true';
      var config = JSON.parse(canvas.dataset.chart);
      config.options = config.options || {};
      config.options.maintainAspectRatio = false;
      config.options.animation = false;
      new Chart(canvas, config);
    });
  }

  // <button data-confirm="Are you sure?"> asks before submitting.
  document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-confirm]');
    if (target && !window.confirm(target.dataset.confirm)) {
      event.preventDefault();
    }
  });

  window.addEventListener('load', function () { drawCharts(document); });
  document.addEventListener('htmx:afterSwap', function (event) { drawCharts(event.target); });
})();
