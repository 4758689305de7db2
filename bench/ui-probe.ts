/**
 * What `npm run bench:ui` measures inside the page. The scripts are strings:
 * they run in the browser, not in Node.
 *
 * - Frames: requestAnimationFrame intervals (they cannot fall below 16.7 ms
 *   and miss raster work), plus long animation frames (PerformanceObserver
 *   'long-animation-frame': frames whose work took over 50 ms, with the time
 *   they blocked input) and long tasks.
 * - Arrival → painted: each WebSocket message carrying run events is stamped
 *   as it arrives (before the app reads it) with the count of events so far;
 *   the timeline writes the count of events it has drawn into
 *   `data-drawn-events`. When that count covers a message, the message is
 *   painted at the end of that frame: a task posted from the draw runs right
 *   after the frame's rendering.
 * - Hover → tooltip: from the pointer's move to the frame that shows the
 *   timeline's tooltip.
 * - Zoom and pan: a wheel event per frame over the timeline (zoom in, zoom
 *   out, pan), frame intervals while it goes.
 */
import type { Page } from '@playwright/test';

/** Installed before the app's scripts: stamps the arrival of run-event messages. */
export const ARRIVAL_PROBE = `(() => {
  const Native = WebSocket;
  const probe = { recording: false, events: 0, arrivals: [] };
  globalThis.__uiArrivals = probe;
  globalThis.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      // Added before the app's own listener: it runs first.
      this.addEventListener('message', (e) => {
        if (!probe.recording || typeof e.data !== 'string' || !e.data.includes('"batch"')) return;
        const n = e.data.split('"type":"').length - 1;
        probe.events += n;
        probe.arrivals.push([performance.now(), probe.events]);
      });
    }
  };
})()`;

/** Starts sampling frames, long animation frames, long tasks and arrival → paint. */
const SAMPLER = `(() => {
  const frames = [];
  const loafs = [];
  const longTasks = [];
  const painted = [];
  const arrivals = globalThis.__uiArrivals;
  arrivals.recording = true;
  arrivals.events = 0;
  arrivals.arrivals = [];
  let next = 0;
  let last = performance.now();
  let sampling = true;
  const tick = (t) => {
    frames.push(t - last);
    last = t;
    if (sampling) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observers = [];
  const observe = (type, into) => {
    try {
      const o = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) into.push({ duration: e.duration, blocking: e.blockingDuration ?? 0 });
      });
      o.observe({ type, buffered: false });
      observers.push(o);
      return true;
    } catch {
      return false;
    }
  };
  const hasLoaf = observe('long-animation-frame', loafs);
  observe('longtask', longTasks);
  const channel = new MessageChannel();
  let pendingDrawn = null;
  channel.port1.onmessage = () => {
    const at = performance.now();
    const drawn = pendingDrawn;
    pendingDrawn = null;
    const list = arrivals.arrivals;
    while (next < list.length && list[next][1] <= drawn) {
      painted.push(at - list[next][0]);
      next++;
    }
  };
  const mutations = new MutationObserver((records) => {
    for (const r of records) {
      const v = Number(r.target.getAttribute('data-drawn-events'));
      if (Number.isFinite(v) && (pendingDrawn === null || v > pendingDrawn)) {
        if (pendingDrawn === null) channel.port2.postMessage(0);
        pendingDrawn = v;
      }
    }
  });
  mutations.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-drawn-events'] });
  globalThis.__uiBench = () => {
    sampling = false;
    arrivals.recording = false;
    for (const o of observers) o.disconnect();
    mutations.disconnect();
    return {
      frames: frames.slice(1),
      loafs,
      hasLoaf,
      longTasks,
      painted,
      unpainted: arrivals.arrivals.length - next,
    };
  };
})()`;

export interface PageSample {
  frames: number[];
  loafs: { duration: number; blocking: number }[];
  hasLoaf: boolean;
  longTasks: { duration: number; blocking: number }[];
  painted: number[];
  unpainted: number;
}

export async function startSampling(page: Page): Promise<void> {
  await page.evaluate(SAMPLER);
}

export async function stopSampling(page: Page): Promise<PageSample> {
  return page.evaluate('globalThis.__uiBench()');
}

const HOVER_PROBE = `(() => {
  const result = { t0: null, shown: null };
  globalThis.__uiHover = result;
  const tip = () => document.querySelector('[data-testid="timeline-tooltip"]');
  const had = tip();
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { result.shown = performance.now() - result.t0; };
  const onMove = () => { if (result.t0 === null) result.t0 = performance.now(); };
  window.addEventListener('pointermove', onMove, { capture: true, once: true });
  const mutations = new MutationObserver(() => {
    const el = tip();
    if (result.t0 !== null && el && el !== had && el.getBoundingClientRect().width > 0) {
      mutations.disconnect();
      channel.port2.postMessage(0);
    }
  });
  mutations.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

/** Milliseconds from a pointer move onto (x, y) to the painted tooltip, or NaN when none showed. */
export async function hoverToTooltip(page: Page, x: number, y: number): Promise<number> {
  await page.mouse.move(2, 2);
  await page.waitForTimeout(300);
  await page.evaluate(HOVER_PROBE);
  await page.mouse.move(x, y);
  for (let waited = 0; waited < 5000; waited += 50) {
    const shown = await page.evaluate('globalThis.__uiHover.shown');
    if (typeof shown === 'number') return shown;
    await page.waitForTimeout(50);
  }
  return NaN;
}

/**
 * Frame intervals while a wheel event is dispatched every frame over the
 * timeline at (x, y): `frames` frames of zooming in and out (Ctrl+wheel),
 * then as many of panning (Shift+wheel). Returns the intervals.
 */
const WHEEL_DRIVER = `(({ x, y, frames }) =>
  new Promise((resolve) => {
    const target = document.elementFromPoint(x, y) ?? document.body;
    const intervals = [];
    let last = performance.now();
    let i = 0;
    const step = (t) => {
      if (i > 0) intervals.push(t - last);
      last = t;
      const zooming = i < frames;
      const phase = zooming ? i : i - frames;
      const inward = Math.floor(phase / 20) % 2 === 0;
      target.dispatchEvent(
        new WheelEvent('wheel', {
          bubbles: true,
          cancelable: true,
          clientX: x,
          clientY: y,
          ctrlKey: zooming,
          shiftKey: !zooming,
          deltaY: zooming ? (inward ? -60 : 60) : inward ? 80 : -80,
        }),
      );
      i++;
      if (i <= frames * 2) requestAnimationFrame(step);
      else resolve(intervals);
    };
    requestAnimationFrame(step);
  }))`;

export async function wheelFrames(page: Page, x: number, y: number, frames: number): Promise<number[]> {
  return page.evaluate(`${WHEEL_DRIVER}(${JSON.stringify({ x, y, frames })})`);
}
