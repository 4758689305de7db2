/**
 * Text size for the whole app (a projector wants it big): scales the UI,
 * the editor, the terminal and the timeline together. A preference of this
 * machine, so it lives in this browser's storage, not in the workspace.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'pool-playground.zoom';
export const ZOOM_STEPS = [0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6, 1.8, 2] as const;
/** The text size for a projector: readable from the back of a room. */
export const PRESENTER_ZOOM = 1.4;

const listeners = new Set<() => void>();
let zoom = read();

function read(): number {
  try {
    const value = Number(window.localStorage.getItem(KEY));
    return ZOOM_STEPS.includes(value as (typeof ZOOM_STEPS)[number]) ? value : 1;
  } catch {
    return 1;
  }
}

function apply(): void {
  document.documentElement.style.setProperty('--zoom', String(zoom));
}
apply();

export function getZoom(): number {
  return zoom;
}

export function setZoom(value: number): void {
  const next = ZOOM_STEPS.reduce(
    (best, step) => (Math.abs(step - value) < Math.abs(best - value) ? step : best),
    1,
  );
  if (next === zoom) return;
  zoom = next;
  apply();
  try {
    window.localStorage.setItem(KEY, String(zoom));
  } catch {
    // Storage unavailable: the size just is not remembered.
  }
  for (const listener of listeners) listener();
}

/** One step bigger (+1) or smaller (-1). */
export function stepZoom(direction: 1 | -1): void {
  const index = ZOOM_STEPS.findIndex((s) => s === zoom);
  const next = ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, index + direction))];
  if (next !== undefined) setZoom(next);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useZoom(): number {
  return useSyncExternalStore(subscribe, getZoom);
}
