import { trustedHtml } from './html.js';

/** The whole style sheet (inline with the CSP nonce: one request per page). */
export const STYLES = trustedHtml(`
:root{--fg:#1b1b1f;--muted:#4a4a55;--bg:#fff;--accent:#5b2a86;--warn:#8a1c1c;--line:#d0d0d8;--hl:#fff0a8}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
header{background:var(--accent);color:#fff}header nav{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;flex-wrap:wrap}
header a,header button{color:#fff}header ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}.brand{font-weight:700}
header button{background:transparent;border:1px solid #fff;border-radius:4px;padding:.2rem .6rem;cursor:pointer}
main{padding:1rem;max-width:78rem;margin:0 auto}h1{font-size:1.5rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
.inline{display:inline}.muted{color:var(--muted)}.error{color:var(--warn);font-weight:600}.notice{background:#eef;padding:.5rem;border-left:4px solid var(--accent)}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1rem}@media(max-width:50rem){.cols{grid-template-columns:1fr}}
.text{white-space:pre-wrap;border:1px solid var(--line);padding:.5rem;min-height:6rem}
textarea{width:100%;min-height:12rem;font:inherit}mark{background:var(--hl)}
label{display:block;margin:.4rem 0}input,select,button{font:inherit}
button{background:var(--accent);color:#fff;border:0;border-radius:4px;padding:.3rem .8rem;cursor:pointer}
button.secondary{background:#fff;color:var(--accent);border:1px solid var(--accent)}
.suggestion{border:1px solid var(--line);padding:.4rem;margin:.3rem 0}.suggestion:focus-within{outline:3px solid var(--accent)}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;background:#eee;color:var(--fg)}.badge.flag{background:#fde2e2;color:#6d1010}
fieldset{border:1px solid var(--line);margin:.8rem 0}
figure.chart { margin: 1.5rem 0; }
.chart-canvas { position: relative; height: 16rem; max-width: 48rem; }
.chart-canvas.rows-1 { height: 6.0rem; }
.chart-canvas.rows-2 { height: 6.0rem; }
.chart-canvas.rows-3 { height: 7.4rem; }
.chart-canvas.rows-4 { height: 9.2rem; }
.chart-canvas.rows-5 { height: 11.0rem; }
.chart-canvas.rows-6 { height: 12.8rem; }
.chart-canvas.rows-7 { height: 14.6rem; }
.chart-canvas.rows-8 { height: 16.4rem; }
.chart-canvas.rows-9 { height: 18.2rem; }
.chart-canvas.rows-10 { height: 20.0rem; }
.chart-canvas.rows-11 { height: 21.8rem; }
.chart-canvas.rows-12 { height: 23.6rem; }
`);
