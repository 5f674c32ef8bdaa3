/** Styles of the follow-up page beyond the tunnel pages' (served as /follow.css: no inline style). */
export const FOLLOW_UP_CSS = `
.top { display: flex; justify-content: flex-end; padding: 0.5rem 1rem; background: #3b1f5e; }
.exit { background: #b00020; color: #fff; border: 2px solid #fff; font-weight: 700; }
button { font: inherit; min-height: 2.75rem; min-width: 2.75rem; padding: 0 1rem; border-radius: 0.5rem; cursor: pointer; border: 2px solid #3b1f5e; background: #fff; color: #3b1f5e; }
button.primary { background: #3b1f5e; color: #fff; }
button.danger { background: #fff; color: #8c0018; border-color: #8c0018; }
#erase-yes { background: #8c0018; color: #fff; }
button:focus-visible, input:focus-visible, textarea:focus-visible, [tabindex="-1"]:focus-visible { outline: 3px solid #f2b200; outline-offset: 2px; }
.card { background: #fff; border: 1px solid #d5d0dc; border-radius: 0.75rem; padding: 0.5rem 1rem 1rem; margin: 1rem 0; }
label { display: block; font-weight: 600; margin-top: 0.75rem; }
input, textarea { display: block; box-sizing: border-box; width: 100%; font: inherit; padding: 0.5rem; margin: 0.25rem 0 0.5rem; border: 1px solid #6b6b76; border-radius: 0.5rem; }
.hint { margin: 0; font-size: 0.9rem; color: #45424d; }
.notice { font-weight: 600; color: #3d2c00; }
.notice:empty { display: none; }
.thread { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.5rem; }
.thread li { padding: 0.5rem 0.75rem; border-radius: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.thread .association { background: #efeaf6; margin-right: 10%; }
.thread .you { background: #f4f4f6; border: 1px solid #d5d0dc; margin-left: 10%; }
.thread .who { display: block; font-size: 0.85rem; font-weight: 700; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
[hidden] { display: none !important; }
`;
