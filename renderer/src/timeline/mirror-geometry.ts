/**
 * Placing the accessible mirror over the canvas. Its items are laid out in
 * time units (one CSS pixel per `unit` ms) inside containers that one CSS
 * transform maps onto the plot, so zooming and panning move every item at
 * once, without rendering the mirror again.
 */
import type { Scale } from './geometry';

/** The class of the mirror's containers laid out in time units (alignMirror moves them). */
export const TIME_AXIS_CLASS = 'tl-mirror__time';

/** Browsers lay out at most about 33 million CSS pixels: pick a unit that keeps the run within it. */
export function unitOf(boundsEnd: number): number {
  return Math.max(0.01, boundsEnd / 1e7);
}

/** The transform that maps time units onto the plot of `scale`. */
export function timeTransform(scale: Scale, unit: number): string {
  const k = (scale.width / Math.max(scale.end - scale.start, 1e-9)) * unit;
  return `translateX(${scale.left}px) scaleX(${k}) translateX(${-scale.start / unit}px)`;
}

/** Bring a drawn mirror in line with the canvas after the view or the scroll moved. */
export function alignMirror(stage: HTMLElement, scale: Scale, scrollY: number): void {
  const mirror = stage.querySelector<HTMLElement>('.tl-mirror');
  if (!mirror) return;
  const unit = Number(mirror.dataset.timeUnit) || 0.01;
  const transform = timeTransform(scale, unit);
  // By class, not by attribute: the browser keeps this list, where a selector would walk every
  // bar of the mirror at each drawing (thousands of rows on a big run).
  for (const el of mirror.getElementsByClassName(TIME_AXIS_CLASS))
    (el as HTMLElement).style.transform = transform;
  const scroll = mirror.querySelector<HTMLElement>('[data-scroll-y]');
  if (scroll) scroll.style.transform = `translateY(${-scrollY}px)`;
}
