// Injected before any page script (page.addInitScript): records long tasks, the widget's bp-ready,
// the first frame with marker elements and the most marker elements seen at once.
// Plain JS on purpose: it runs in the page as written, with nothing injected by a TS loader.
(() => {
  const b = {
    longTasks: [],
    readyAt: null,
    firstMarkersAt: null,
    markers: 0,
    maxMarkers: 0,
    /** bp-error details (the widget reports and carries on: not a reason to stop waiting). */
    errors: [],
    /** Set by a page that cannot go on (the baseline's loader failing): ends the wait. */
    fatal: null,
    countMarkers() {
      const host = document.querySelector('branch-picker');
      const root = host ? host.shadowRoot : document;
      return root ? root.querySelectorAll('.leaflet-marker-icon').length : 0;
    },
    /** Fetch start of the first script resource whose URL contains `part`: the "script load" moment. */
    scriptStart(part) {
      const e = performance.getEntriesByType('resource').find((r) => r.name.includes(part));
      return e ? e.startTime : null;
    },
    summary(part) {
      return {
        t0: b.scriptStart(part),
        readyAt: b.readyAt,
        firstMarkersAt: b.firstMarkersAt,
        markers: b.markers,
        maxMarkers: b.maxMarkers,
        longTasks: b.longTasks.slice(),
        errors: b.errors.slice(),
        fatal: b.fatal,
      };
    },
    /** JS heap after two full collections (needs --js-flags=--expose-gc and --enable-precise-memory-info). */
    heapAfterGc() {
      if (typeof window.gc === 'function') { window.gc(); window.gc(); }
      return performance.memory ? performance.memory.usedJSHeapSize : null;
    },
  };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long task API: the figure is reported as missing */ }
  document.addEventListener('bp-ready', () => { if (b.readyAt === null) b.readyAt = performance.now(); }, true);
  document.addEventListener('bp-error', (e) => { b.errors.push(`bp-error ${JSON.stringify(e.detail)}`); }, true);
  const tick = () => {
    const n = b.countMarkers();
    b.markers = n;
    if (n > b.maxMarkers) b.maxMarkers = n;
    if (n > 0 && b.firstMarkersAt === null) b.firstMarkersAt = performance.now();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
