import { html, type SafeHtml } from './html.js';

/** Renders `text` with each span marked (`<mark>`), everything escaped; overlapping spans are skipped. */
export function highlight(text: string, spans: ReadonlyArray<{ start: number; end: number; kind: string }>): SafeHtml {
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.end > text.length) continue;
    parts.push(
      html`${text.slice(at, s.start)}<mark title="Suggestion automatique : ${s.kind}">${text.slice(s.start, s.end)}</mark>`,
    );
    at = s.end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}
