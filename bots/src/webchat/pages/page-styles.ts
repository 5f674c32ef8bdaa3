/** Styles of the tunnel pages (served as /report.css, so the CSP needs no inline style). */
export const REPORT_CSS = `
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f; background: #faf8fc; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; color: #3b1f5e; margin: 0.25rem 0 0.75rem; }
@media (max-width: 30rem) { main { padding: 0.5rem; } h1 { font-size: 1.25rem; } }
.emergency { border-left: 6px solid #b00020; background: #fff; padding: 0.25rem 1rem; margin: 1rem 0; }
.emergency h2 { font-size: 1.1rem; margin: 0.5rem 0 0; }
.privacy, .lang { font-size: 0.9rem; color: #45424d; }
a { color: #3b1f5e; }
a:focus-visible { outline: 3px solid #f2b200; outline-offset: 2px; }
`;
