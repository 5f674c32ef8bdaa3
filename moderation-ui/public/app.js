// Relais moderation UI: the little JavaScript the pages use (served as /assets/app.js under the
// CSP nonce). Keyboard shortcuts for the automatic suggestions: A accepts (replaces with a neutral
// placeholder), D dismisses, applied to the focused suggestion or else the first pending one.
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  const tag = target && target.tagName;
  if (tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT') return;
  const key = event.key.toLowerCase();
  if (key !== 'a' && key !== 'd') return;
  const focused = target && target.closest && target.closest('[data-suggestion]');
  const scope = focused || document.querySelector('[data-suggestion] button[data-key]')?.closest('[data-suggestion]');
  const button = scope && scope.querySelector(`button[data-key="${key}"]`);
  if (!button) return;
  event.preventDefault();
  button.click();
});
