// The dashboard's only script (loaded from the extension's media, by nonce): opens notes and keeps the scroll
// position when the page is redrawn after a note changes.
(function () {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  let pending;
  window.addEventListener('scroll', () => {
    clearTimeout(pending);
    pending = setTimeout(() => vscode.setState({ scrollY: window.scrollY }), 100);
  });
  const open = (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-file]') : null;
    if (!target) return;
    event.preventDefault();
    const line = Number(target.getAttribute('data-line'));
    vscode.postMessage({ open: target.getAttribute('data-file'), ...(line > 0 ? { line } : {}) });
  };
  document.addEventListener('click', open);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') open(event);
  });
})();
