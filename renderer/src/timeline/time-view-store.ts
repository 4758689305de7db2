/**
 * Which part of time the timeline shows and what is selected: one store per
 * timeline, or one shared by every run of a comparison (so they zoom, pan
 * and select together). Null view = "fit all": the whole run, growing with a
 * live one. Following a live run keeps the zoom and slides with "now".
 */
import { ObservableStore } from '../store/observable-store';
import { clampView, follow, isFull, panBy, zoomAt, type TimeView } from './view';

export class TimeViewStore extends ObservableStore {
  /** The learner's zoom, or null for "fit all". */
  view: TimeView | null = null;
  /** Slide with the live run's "now" (only while a run goes). */
  following = true;
  selection: TimeView | null = null;

  /** What to draw: the learner's view, slid to now when following, or the whole run. */
  effective(boundsEnd: number, now: number, live: boolean): TimeView {
    if (this.view === null) return { start: 0, end: boundsEnd };
    const view = clampView(this.view, boundsEnd);
    return live && this.following ? follow(view, now, boundsEnd) : view;
  }

  zoom(current: TimeView, factor: number, anchorMs: number, boundsEnd: number): void {
    this.#set(zoomAt(current, factor, anchorMs, boundsEnd), boundsEnd);
  }

  pan(current: TimeView, deltaMs: number, boundsEnd: number): void {
    this.#set(panBy(current, deltaMs, boundsEnd), boundsEnd);
  }

  show(view: TimeView, boundsEnd: number): void {
    this.#set(clampView(view, boundsEnd), boundsEnd);
  }

  fitAll(): void {
    this.view = null;
    this.following = true;
    this.changed();
  }

  followLive(): void {
    this.following = true;
    this.changed();
  }

  select(range: TimeView | null): void {
    this.selection = range && range.end - range.start > 0 ? range : null;
    this.changed();
  }

  /** A new run: show all of it, nothing selected. */
  reset(): void {
    this.view = null;
    this.following = true;
    this.selection = null;
    this.changed();
  }

  #set(view: TimeView, boundsEnd: number): void {
    // Moving the view by hand stops following; zooming all the way out is "fit all" again.
    this.following = false;
    this.view = isFull(view, boundsEnd) ? null : view;
    if (this.view === null) this.following = true;
    this.changed();
  }
}
