import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIVE_REFRESH_MS, liveClock } from '../store/live-clock';

describe('liveClock: one tick for everything live', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not take updates while nothing ticks (the caller schedules them itself)', () => {
    expect(liveClock.ticking).toBe(false);
    expect(liveClock.later(() => undefined, 0)).toBe(false);
    expect(liveClock.early(() => undefined)).toBe(false);
  });

  it('runs due updates, then the ticking views, in the same tick; later ones wait for their tick', () => {
    const seen: string[] = [];
    const stop = liveClock.subscribe(() => seen.push('tick'));
    expect(liveClock.later(() => seen.push('store'), 0)).toBe(true);
    expect(liveClock.later(() => seen.push('mirror'), 250)).toBe(true);
    vi.advanceTimersByTime(LIVE_REFRESH_MS);
    expect(seen).toEqual(['store', 'tick']);
    vi.advanceTimersByTime(LIVE_REFRESH_MS);
    expect(seen).toEqual(['store', 'tick', 'tick']);
    vi.advanceTimersByTime(LIVE_REFRESH_MS);
    expect(seen).toEqual(['store', 'tick', 'tick', 'mirror', 'tick']);
    stop();
    expect(liveClock.ticking).toBe(false);
  });

  it('holds the rest of a tick until the early work (the terminal parsing) is done', async () => {
    const seen: string[] = [];
    const stop = liveClock.subscribe(() => seen.push('tick'));
    let parsed!: () => void;
    liveClock.early(() => new Promise<void>((resolve) => (parsed = resolve)));
    vi.advanceTimersByTime(LIVE_REFRESH_MS);
    expect(seen).toEqual([]);
    parsed();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['tick']);
    stop();
  });

  it('does not wait forever for early work that never finishes', async () => {
    const seen: string[] = [];
    const stop = liveClock.subscribe(() => seen.push('tick'));
    liveClock.early(() => new Promise<void>(() => undefined));
    vi.advanceTimersByTime(LIVE_REFRESH_MS);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(50);
    expect(seen).toEqual(['tick']);
    stop();
  });

  it('when it stops, what waited for a tick still runs, and whoever asked is told', () => {
    const seen: string[] = [];
    const stop = liveClock.subscribe(() => undefined);
    liveClock.later(() => seen.push('store'), 0);
    liveClock.early(() => {
      seen.push('terminal');
    });
    liveClock.onceStopped(() => seen.push('stopped'));
    stop();
    vi.runAllTimers();
    expect(seen).toEqual(['terminal', 'store', 'stopped']);
    // Told once.
    const again = liveClock.subscribe(() => undefined);
    again();
    vi.runAllTimers();
    expect(seen).toEqual(['terminal', 'store', 'stopped']);
  });
});
