/**
 * The timeline under the pointer and the keyboard:
 *
 * - wheel or pinch: zoom around the pointer; Shift+wheel or a sideways
 *   swipe: pan; wheel over the lane names: scroll the lanes;
 * - drag: pan; Shift+drag, or a drag along the time axis: select a range;
 *   double-click: fit all;
 * - keys: arrows move between tasks (Shift+←/→ selects from the first one),
 *   + / − (or W / S) zoom, A / D pan, 0 fits all, L follows a live run,
 *   Page Up / Down scroll the lanes, Esc clears.
 */
import type { TaskRecord } from '../../../shared/run-model';
import { navigate, type NavLane } from './keyboard';
import type { TimelineController } from './timeline-controller';
import { orderedRange, wheelZoomFactor } from './view';

type Drag =
  | { kind: 'pan'; x0: number; start: number; end: number; moved: boolean }
  | { kind: 'select'; anchor: number };

export class TimelineInput {
  readonly #c: TimelineController;
  #drag: Drag | null = null;
  /** Where the pointer is over the stage (px), for zooming around it from the keyboard. */
  #pointer: { x: number; y: number } | null = null;
  /** The first task of a keyboard selection. */
  #selectFrom: number | null = null;

  constructor(controller: TimelineController) {
    this.#c = controller;
  }

  /** Wire to the stage; returns the undo. */
  attach(stage: HTMLElement): () => void {
    const local = (e: { clientX: number; clientY: number }): { x: number; y: number } => {
      const box = stage.getBoundingClientRect();
      return { x: e.clientX - box.left, y: e.clientY - box.top };
    };
    const onWheel = (e: WheelEvent): void => this.#wheel(e, local(e));
    const onDown = (e: PointerEvent): void => this.#down(e, local(e), stage);
    const onMove = (e: PointerEvent): void => this.#move(e, local(e));
    const onUp = (e: PointerEvent): void => this.#up(e, local(e));
    const onLeave = (): void => {
      this.#pointer = null;
      if (!this.#drag) this.#c.setHover(null);
    };
    const onDouble = (): void => this.#c.views.fitAll();
    stage.addEventListener('wheel', onWheel, { passive: false });
    stage.addEventListener('pointerdown', onDown);
    stage.addEventListener('pointermove', onMove);
    stage.addEventListener('pointerup', onUp);
    stage.addEventListener('pointercancel', onUp);
    stage.addEventListener('pointerleave', onLeave);
    stage.addEventListener('dblclick', onDouble);
    return () => {
      stage.removeEventListener('wheel', onWheel);
      stage.removeEventListener('pointerdown', onDown);
      stage.removeEventListener('pointermove', onMove);
      stage.removeEventListener('pointerup', onUp);
      stage.removeEventListener('pointercancel', onUp);
      stage.removeEventListener('pointerleave', onLeave);
      stage.removeEventListener('dblclick', onDouble);
    };
  }

  #wheel(e: WheelEvent, at: { x: number; y: number }): void {
    const c = this.#c;
    const { scale, layout } = c;
    const bounds = c.boundsEnd();
    const inLanes = at.y >= layout.lanes.y && at.y < layout.lanes.y + layout.lanes.height;
    if (at.x < scale.left && inLanes && layout.lanes.scrollMax > 0) {
      e.preventDefault();
      c.scrollBy(e.deltaY);
      return;
    }
    e.preventDefault();
    const view = c.view();
    const sideways = Math.abs(e.deltaX) > Math.abs(e.deltaY);
    if (e.shiftKey || sideways) {
      const px = sideways ? e.deltaX : e.deltaY;
      c.views.pan(view, (px / scale.width) * (view.end - view.start), bounds);
      return;
    }
    c.views.zoom(view, wheelZoomFactor(e.deltaY, e.deltaMode), scale.t(at.x), bounds);
  }

  #down(e: PointerEvent, at: { x: number; y: number }, stage: HTMLElement): void {
    if (e.button !== 0) return;
    const c = this.#c;
    if (at.x < c.scale.left) return;
    const onAxis = at.y < c.layout.axis.y + c.layout.axis.height;
    if (e.shiftKey || onAxis) {
      this.#drag = { kind: 'select', anchor: c.scale.t(at.x) };
      c.views.select(null);
    } else {
      const view = c.view();
      this.#drag = { kind: 'pan', x0: at.x, start: view.start, end: view.end, moved: false };
    }
    stage.setPointerCapture?.(e.pointerId);
  }

  #move(e: PointerEvent, at: { x: number; y: number }): void {
    const c = this.#c;
    this.#pointer = at;
    const drag = this.#drag;
    if (drag?.kind === 'pan') {
      const dx = at.x - drag.x0;
      if (Math.abs(dx) < 3 && !drag.moved) return;
      drag.moved = true;
      const ms = (dx / c.scale.width) * (drag.end - drag.start);
      c.views.show({ start: drag.start - ms, end: drag.end - ms }, c.boundsEnd());
      return;
    }
    if (drag?.kind === 'select') {
      c.views.select(orderedRange(drag.anchor, c.scale.t(at.x), c.boundsEnd()));
      return;
    }
    const target = c.targetAt(at.x, at.y);
    c.setHover(target ? { target, clientX: e.clientX, clientY: e.clientY } : null);
  }

  #up(e: PointerEvent, at: { x: number; y: number }): void {
    const drag = this.#drag;
    this.#drag = null;
    if (drag?.kind !== 'pan' || drag.moved) return;
    // A click: on a task, make it the keyboard's task; elsewhere, clear the selection.
    const target = this.#c.targetAt(at.x, at.y);
    if (target?.kind === 'task' || target?.kind === 'delivery') this.#c.setActive(target.task.id);
    else this.#c.views.select(null);
    void e;
  }

  /** Handles a key; true when it was the timeline's. */
  key(e: KeyboardEvent): boolean {
    const c = this.#c;
    const bounds = c.boundsEnd();
    const view = c.view();
    const span = view.end - view.start;
    const anchor = (): number => {
      if (this.#pointer && this.#pointer.x >= c.scale.left) return c.scale.t(this.#pointer.x);
      const task = c.active !== null ? c.task(c.active) : undefined;
      if (task?.started != null) return task.started;
      return view.start + span / 2;
    };
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    switch (e.key) {
      case '+':
      case '=':
      case 'w':
      case 'W':
        c.views.zoom(view, 1 / 1.5, anchor(), bounds);
        return true;
      case '-':
      case '_':
      case 's':
      case 'S':
        c.views.zoom(view, 1.5, anchor(), bounds);
        return true;
      case 'a':
      case 'A':
        c.views.pan(view, -span * 0.2, bounds);
        return true;
      case 'd':
      case 'D':
        c.views.pan(view, span * 0.2, bounds);
        return true;
      case '0':
        c.views.fitAll();
        return true;
      case 'l':
      case 'L':
        c.views.followLive();
        return true;
      case 'PageDown':
      case 'PageUp':
        c.scrollBy((e.key === 'PageDown' ? 1 : -1) * c.layout.lanes.height * 0.8);
        return true;
      case 'Escape':
        if (c.views.selection) {
          c.views.select(null);
          return true;
        }
        if (c.active !== null) {
          c.setActive(null);
          return true;
        }
        return false;
    }
    const next = navigate(this.navLanes(), c.active, e.key);
    if (next === undefined) return false;
    if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      this.#selectFrom ??= c.active ?? next;
      this.#selectTasks(this.#selectFrom, next);
    } else {
      this.#selectFrom = null;
    }
    c.setActive(next);
    c.setHover(null);
    const task = c.task(next);
    if (task) this.#reveal(task);
    return true;
  }

  /** Each lane's tasks in start order, for the arrow keys. */
  navLanes(): NavLane[] {
    const c = this.#c;
    const lanes = c.lanes;
    if (!lanes) return [];
    return c.layout.workers.map((lane) => ({
      bars: lanes
        .records(lane.worker)
        .filter((t) => t.started !== null)
        .map((t) => ({ task: t.id, start: t.started! })),
    }));
  }

  #selectTasks(fromId: number, toId: number): void {
    const c = this.#c;
    const a = c.task(fromId);
    const b = c.task(toId);
    if (!a || !b || a.started === null || b.started === null) return;
    const end = (t: TaskRecord): number => t.finished ?? c.now();
    c.views.select(orderedRange(Math.min(a.started, b.started), Math.max(end(a), end(b)), c.boundsEnd()));
  }

  /** Bring a task into view: its lane scrolled in, and the view moved if it is outside. */
  #reveal(task: TaskRecord): void {
    const c = this.#c;
    if (task.worker !== null) c.revealWorker(task.worker);
    if (task.started === null) return;
    const view = c.view();
    const end = task.finished ?? c.now();
    if (task.started >= view.start && end <= view.end) return;
    const span = view.end - view.start;
    const mid = (task.started + end) / 2;
    c.views.show({ start: mid - span / 2, end: mid + span / 2 }, c.boundsEnd());
  }
}
