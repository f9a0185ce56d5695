// Test-only: served into the page for browsers without WebDriver BiDi (WebKit), so the suite
// still sees console errors, uncaught errors and policy violations, from the first moment of
// the load. Each is sent to the test server, which hands it to the test's Browser.
(() => {
  // The document this probe reports for: a report that arrives after the next page was asked
  // for belongs to an old page, and the proxy drops it.
  const doc = new URL(document.currentScript.src).searchParams.get('doc');
  const send = (level, text) => {
    try {
      navigator.sendBeacon('__yalu-log', JSON.stringify({ doc, level, text: String(text) }));
    } catch {
      /* nothing to report to */
    }
  };
  for (const level of ['error', 'warn']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      send(level === 'warn' ? 'warn' : 'error', args.map(String).join(' '));
      original(...args);
    };
  }
  addEventListener('error', (e) => send('error', `${e.message} ${e.error?.stack ?? ''}`));
  addEventListener('unhandledrejection', (e) => send('error', `Uncaught (in promise) ${e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) =>
    send('error', `Refused by the Content Security Policy (${e.violatedDirective}): ${e.blockedURI || 'inline script'}`));
  // For the bench: when the page first says it is live (class `live` on <html>), as
  // performance.now() in `window.__yaluLive`.
  const root = document.documentElement;
  const live = () => root.classList.contains('live') && (window.__yaluLive ??= performance.now());
  if (!live()) new MutationObserver((_, o) => live() && o.disconnect()).observe(root, { attributes: true, attributeFilter: ['class'] });
})();
