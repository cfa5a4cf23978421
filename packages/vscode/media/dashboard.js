// The dashboard's only script (loaded from the extension's media, by nonce): opens notes, keeps the scroll
// position when the page is redrawn after a note changes, and keeps the referral graph readable.
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
  // The referral graph fits the panel's width, but is drawn no smaller than three quarters of its size, so that
  // names stay readable in a panel beside a note; a narrower panel scrolls the graph sideways.
  const graph = document.querySelector('#referrals svg[data-width]');
  if (graph) graph.style.minWidth = `${Math.round(Number(graph.getAttribute('data-width')) * 0.75)}px`;
  document.addEventListener('click', open);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') open(event);
  });
})();
