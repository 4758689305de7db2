import { describe, expect, it } from 'vitest';
import { TimeViewStore } from '../timeline/time-view-store';
import {
  clampView,
  follow,
  MIN_SPAN_MS,
  orderedRange,
  panBy,
  wheelZoomFactor,
  zoomAt,
} from '../timeline/view';

describe('the timeline view', () => {
  it('zooms around the time under the pointer', () => {
    const view = zoomAt({ start: 0, end: 1000 }, 0.5, 250, 1000);
    expect(view.end - view.start).toBe(500);
    // 250 ms was a quarter of the way across, and still is.
    expect((250 - view.start) / (view.end - view.start)).toBeCloseTo(0.25);
  });

  it('zooms no further in than 20 µs and no further out than the whole run', () => {
    let view = { start: 0, end: 1000 };
    for (let i = 0; i < 100; i++) view = zoomAt(view, 0.5, 500, 1000);
    expect(view.end - view.start).toBeCloseTo(MIN_SPAN_MS);
    expect(zoomAt({ start: 100, end: 200 }, 1000, 150, 1000)).toEqual({ start: 0, end: 1000 });
  });

  it('pans within the run', () => {
    expect(panBy({ start: 100, end: 200 }, 50, 1000)).toEqual({ start: 150, end: 250 });
    expect(panBy({ start: 100, end: 200 }, -500, 1000)).toEqual({ start: 0, end: 100 });
    expect(panBy({ start: 800, end: 900 }, 500, 1000)).toEqual({ start: 900, end: 1000 });
    expect(clampView({ start: -5, end: 50 }, 1000)).toEqual({ start: 0, end: 55 });
  });

  it('follows a live run by sliding once now passes most of the view', () => {
    const view = { start: 0, end: 100 };
    expect(follow(view, 50, 1000)).toBe(view);
    expect(follow(view, 190, 1000)).toEqual({ start: 100, end: 200 });
  });

  it('zooms in on wheel up and out on wheel down, about 1.2× a notch', () => {
    expect(wheelZoomFactor(-100, 0)).toBeLessThan(1);
    expect(wheelZoomFactor(100, 0)).toBeGreaterThan(1);
    expect(wheelZoomFactor(3, 1)).toBeCloseTo(wheelZoomFactor(48, 0));
    expect(orderedRange(300, 100, 1000)).toEqual({ start: 100, end: 300 });
  });

  it('keeps "fit all" as no view, stops following when moved by hand, and resets for a new run', () => {
    const views = new TimeViewStore();
    expect(views.effective(1000, 0, false)).toEqual({ start: 0, end: 1000 });
    views.zoom({ start: 0, end: 1000 }, 0.5, 500, 1000);
    expect(views.view).toEqual({ start: 250, end: 750 });
    expect(views.following).toBe(false);
    // Live and following: the view slides to now.
    views.followLive();
    expect(views.effective(2000, 1500, true)).toEqual({ start: 1050, end: 1550 });
    // Zooming all the way out is "fit all" again.
    views.zoom({ start: 250, end: 750 }, 4, 500, 1000);
    expect(views.view).toBeNull();
    views.select({ start: 10, end: 20 });
    views.reset();
    expect(views.selection).toBeNull();
  });
});
