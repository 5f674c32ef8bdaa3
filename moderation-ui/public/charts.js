// Relais moderation UI: draws the charts of statistics and digest pages with Chart.js (served as
// /assets/chart.umd.min.js under the CSP nonce). Each <figure data-chart> carries its data; the
// table right after it holds the same figures for screen readers and for anyone who prefers it.
// One series per chart, values on the axis and in the table: nothing relies on colour alone.
/* global Chart */
document.querySelectorAll('figure[data-chart]').forEach((figure) => {
  const data = JSON.parse(figure.getAttribute('data-chart'));
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute(
    'aria-label',
    `${data.title} : ${data.labels.map((l, i) => `${l} ${data.values[i]}`).join(', ')}`,
  );
  const line = data.kind === 'line';
  const box = document.createElement('div');
  box.className = line ? 'chart-canvas' : `chart-canvas rows-${Math.min(12, data.labels.length)}`;
  box.append(canvas);
  figure.prepend(box);
  new Chart(canvas, {
    type: line ? 'line' : 'bar',
    data: {
      labels: data.labels,
      datasets: [
        {
          label: data.title,
          data: data.values,
          backgroundColor: '#3b1f5e',
          borderColor: '#3b1f5e',
          pointRadius: 4,
          pointStyle: 'rectRot',
        },
      ],
    },
    options: {
      indexAxis: line ? 'x' : 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
});
