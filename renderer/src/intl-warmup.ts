// ICU's set-up in a worker thread, while the bundle loads. Chromium pays a one-time ICU set-up of
// 49–108 ms (this machine) inside whichever Intl formatter a renderer process creates first, and that
// set-up is the process's, not the thread's: after a worker has made its formatters, the window's first
// number, clock and relative-time formatters take about 1 ms each instead. index.html starts this small
// module ahead of the bundle (scriptAheadOfBundle in scripts/renderer-plugins.ts), so the worker runs on
// another thread during the ~0.5 s the bundle takes to load and compile, and the first render no longer
// pays for ICU. One module, two roles: in the window it starts itself as a worker; in the worker it makes
// the kinds of formatter the first render makes (bench/render-rows-profile.ts shows which), and the window
// ends it when idle.
// Nothing depends on it: if the worker cannot start, the first formatter pays the set-up as before.

function warmUp(locale: string): void {
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).formatToParts(1234567.5);
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).formatToParts(1);
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(0);
  new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-2, 'minute');
}

if (typeof document === 'undefined') {
  warmUp(navigator.language);
  postMessage('done');
} else {
  const worker = new Worker(import.meta.url, { type: 'module', name: 'intl-warmup' });
  // The window ends the worker once it is idle, not the worker itself when done: a worker's end makes the
  // window's thread wait for the worker's thread to exit (Blink joins it, 2–9 ms here), and a worker that
  // ends itself ends during the first render.
  worker.addEventListener('message', () => requestIdleCallback(() => worker.terminate()), { once: true });
}
