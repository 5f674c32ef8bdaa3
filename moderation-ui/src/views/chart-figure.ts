import { html, type SafeHtml } from './html.js';

/** One chart: its title, category labels and values; `line` for a series over time. */
interface ChartData {
  readonly title: string;
  readonly labels: readonly string[];
  readonly values: readonly number[];
  readonly kind?: 'bar' | 'line';
}

/**
 * A chart (drawn by /assets/charts.js from its `data-chart` attribute) with the same figures in an
 * accessible table right under it: the table is the source, the chart its picture. `columns` are
 * the table's two headers (category, figure), in the page's language.
 */
export function chartFigure(data: ChartData, columns: readonly [string, string]): SafeHtml {
  return html`<figure class="chart" data-chart="${JSON.stringify(data)}">
<table><caption>${data.title}</caption><thead><tr><th scope="col">${columns[0]}</th><th scope="col">${columns[1]}</th></tr></thead>
<tbody>${data.labels.map((label, i) => html`<tr><td>${label}</td><td>${data.values[i] ?? 0}</td></tr>`)}</tbody></table>
</figure>`;
}
