/**
 * Draws one run's timeline on its two canvases and keeps it current, without
 * React: a static layer redrawn when events arrive or the view moves, an
 * overlay redrawn on the live clock (LIVE_REFRESH_MS, only while a run goes:
 * nothing ticks when idle) and when the pointer moves. Holds what the
 * timeline shows (the view, scroll, hover, the keyboard's bar) and tells
 * the React parts around it (mirror, tooltip, toolbar) when those change.
 */
import type { RunModel, TaskRecord } from '../../../shared/run-model';
import { fitDomainEnd, liveDomainEnd } from '../../../shared/timeline-scale';
import type { ShownRun } from '../run/run-viewer';
import { liveClock } from '../store/live-clock';
import { ObservableStore } from '../store/observable-store';
import { Signal } from '../store/signal';
import type { ThemeName } from '../theme/palette';
import { timelineColors } from './colors';
import { ConcurrencyIndex } from './concurrency';
import type { DrawContext } from './draw-frame';
import { layoutLanes, makeViewScale, type Layout, type LayoutOptions, type Scale } from './geometry';
import { hitTest, type Target } from './hit-test';
import { LaneIndex } from './lane-items';
import { alignMirror } from './mirror-geometry';
import { runMarks } from './marks';
import { CanvasPainter, type Painter } from './painter';
import { drawOverlay, drawStatic, type Highlight, type LiveScene, type Scene } from './scene';
import type { TimeViewStore } from './time-view-store';
import type { TimeView } from './view';

export interface TimelineOptions extends Omit<LayoutOptions, 'available'> {
  /** Fit the lanes to the stage's height (shrink, then scroll); otherwise natural sizes. */
  fitHeight: boolean;
  /** The end of the shared time axis (a comparison's longest run), instead of this run's own. */
  boundsEnd?: () => number;
}

interface Canvases {
  stage: HTMLElement;
  base: HTMLCanvasElement;
  overlay: HTMLCanvasElement;
}

export class TimelineController extends ObservableStore {
  readonly views: TimeViewStore;
  #options: TimelineOptions;
  #run: ShownRun | null = null;
  /** The model the indexes were built for (a live session swaps its model when a new run begins). */
  #model: RunModel | null = null;
  #lanes: LaneIndex | null = null;
  #concurrency: ConcurrencyIndex | null = null;
  #unsubscribeRun: (() => void) | null = null;
  #canvases: Canvases | null = null;
  #width = 0;
  #height = 0;
  #zoom = 1;
  #theme: ThemeName = 'dark';
  #frame = 0;
  #dirtyStatic = true;
  /** Stops the live clock's ticks (null when not ticking). */
  #timer: (() => void) | null = null;
  #lastBounds = 0;
  #lastView: TimeView = { start: 0, end: 1 };
  scrollY = 0;
  layout: Layout = layoutLanes([], 0, 1);
  scale: Scale = makeViewScale({ start: 0, end: 1 }, 0, 1);
  scene: Scene | null = null;
  live: LiveScene | null = null;
  hover: { target: Target; clientX: number; clientY: number } | null = null;
  /** The task the keyboard is on. */
  active: number | null = null;
  /** Fires after each drawing of the static layer (the accessible mirror follows it). */
  readonly drawn = new Signal();

  constructor(views: TimeViewStore, options: TimelineOptions) {
    super();
    this.views = views;
    this.#options = options;
    views.subscribe(() => this.invalidate(true));
  }

  get run(): ShownRun | null {
    return this.#run;
  }

  get model(): RunModel | null {
    return this.#model;
  }

  get lanes(): LaneIndex | null {
    return this.#lanes;
  }

  get concurrency(): ConcurrencyIndex | null {
    return this.#concurrency;
  }

  setRun(run: ShownRun, subscribe?: (listener: () => void) => () => void): void {
    this.#run = run;
    this.#unsubscribeRun?.();
    this.#unsubscribeRun = subscribe ? subscribe(() => this.#onRunChanged()) : null;
    this.#onRunChanged();
  }

  /** New options (a comparison's shared axis grew): redraw with them. */
  setOptions(options: TimelineOptions): void {
    const o = this.#options;
    if (
      o.boundsEnd === options.boundsEnd &&
      o.queue === options.queue &&
      o.axis === options.axis &&
      o.concurrency === options.concurrency &&
      o.fitHeight === options.fitHeight
    )
      return;
    this.#options = options;
    this.invalidate(true);
  }

  attach(canvases: Canvases | null): void {
    this.#canvases = canvases;
    this.invalidate(true);
  }

  setSize(width: number, height: number, zoom: number, theme: ThemeName): void {
    if (width === this.#width && height === this.#height && zoom === this.#zoom && theme === this.#theme)
      return;
    this.#width = width;
    this.#height = height;
    this.#zoom = zoom;
    this.#theme = theme;
    this.invalidate(true);
  }

  dispose(): void {
    this.#unsubscribeRun?.();
    this.#unsubscribeRun = null;
    this.#stopTicking();
    cancelAnimationFrame(this.#frame);
    this.#canvases = null;
  }

  get width(): number {
    return this.#width;
  }

  /** What a standalone picture of this timeline needs (picture.ts). */
  get picture(): { zoom: number; width: number; theme: ThemeName; options: LayoutOptions } {
    const { fitHeight: _fit, boundsEnd: _bounds, ...options } = this.#options;
    return { zoom: this.#zoom, width: this.#width, theme: this.#theme, options };
  }

  get running(): boolean {
    return this.#run?.phase === 'running';
  }

  /** The run's current time (ms). */
  now(): number {
    return this.#run ? this.#run.nowMs() : 0;
  }

  /** The end of the time axis: the shared one, a live run's growing one, or the finished run's. */
  boundsEnd(): number {
    if (this.#options.boundsEnd) return this.#options.boundsEnd();
    const model = this.model;
    if (!model) return 1000;
    const now = this.now();
    const full = this.#run?.fullMs;
    if (full !== undefined) return fitDomainEnd(full);
    if (model.finish) return fitDomainEnd(Math.max(model.finish.wallMs, model.lastT));
    return this.running
      ? liveDomainEnd(Math.max(model.lastT, now))
      : fitDomainEnd(Math.max(model.lastT, now));
  }

  /** What the plot shows now. */
  view(): TimeView {
    return this.views.effective(this.boundsEnd(), this.now(), this.running);
  }

  /** Redraw on the next frame: `all` for the static layer too, else the overlay only. */
  invalidate(all = false): void {
    if (all) this.#dirtyStatic = true;
    if (this.#frame !== 0 || !this.#canvases) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#draw();
    });
  }

  setHover(hover: TimelineController['hover']): void {
    this.hover = hover;
    this.invalidate();
    this.changed();
  }

  setActive(task: number | null): void {
    if (task === this.active) return;
    this.active = task;
    this.invalidate();
    this.changed();
  }

  scrollBy(dy: number): void {
    const next = Math.max(0, Math.min(this.layout.lanes.scrollMax, this.scrollY + dy));
    if (next === this.scrollY) return;
    this.scrollY = next;
    this.invalidate(true);
    this.changed();
  }

  /** Scroll so a worker's lane is in sight. */
  revealWorker(worker: number): void {
    const lane = this.layout.workers.find((l) => l.worker.index === worker);
    if (!lane) return;
    const { height } = this.layout.lanes;
    if (lane.y < this.scrollY) this.scrollBy(lane.y - this.scrollY);
    else if (lane.y + lane.height > this.scrollY + height)
      this.scrollBy(lane.y + lane.height - this.scrollY - height);
  }

  /** What is under a point of the stage (px from its top-left). */
  targetAt(x: number, y: number): Target | null {
    if (!this.scene) return null;
    return hitTest(this.scene, this.live, this.layout, this.scale, x, y);
  }

  #onRunChanged(): void {
    const run = this.#run;
    if (run && run.model !== this.#model) {
      this.#model = run.model;
      this.#lanes = new LaneIndex(run.model);
      this.#concurrency = new ConcurrencyIndex(run.model);
      this.scene = null;
      this.live = null;
      this.hover = null;
      this.active = null;
      this.scrollY = 0;
      this.changed();
    }
    this.invalidate(true);
    if (this.running && this.#run?.measuring !== true) this.#startTicking();
    else this.#stopTicking();
  }

  #startTicking(): void {
    if (this.#timer !== null) return;
    this.#timer = liveClock.subscribe(() => {
      if (!this.running) {
        this.#stopTicking();
        this.invalidate(true);
        return;
      }
      // The axis or a followed view moving is a static redraw; otherwise only the clock moved.
      const view = this.view();
      const moved =
        this.boundsEnd() !== this.#lastBounds ||
        view.start !== this.#lastView.start ||
        view.end !== this.#lastView.end;
      this.invalidate(moved);
    });
  }

  #stopTicking(): void {
    this.#timer?.();
    this.#timer = null;
  }

  #context(painter: Painter, live: boolean): DrawContext | null {
    const model = this.model;
    if (!model || !this.#lanes || !this.#concurrency) return null;
    return {
      p: painter,
      model,
      layout: this.layout,
      scale: this.scale,
      colors: timelineColors(this.#theme),
      now: this.now(),
      scrollY: this.scrollY,
      width: this.#width,
      lanes: this.#lanes,
      concurrency: this.#concurrency,
      marks: this.#marks(model),
      live,
    };
  }

  #marksCache: { model: RunModel; version: number; marks: ReturnType<typeof runMarks> } | null = null;

  /** The marks of the run shown, worked out once per change of its log (they scan every task). */
  marks(): ReturnType<typeof runMarks> | null {
    return this.#model ? this.#marks(this.#model) : null;
  }

  #marks(model: RunModel): ReturnType<typeof runMarks> {
    const hit = this.#marksCache;
    if (hit && hit.model === model && hit.version === model.version) return hit.marks;
    const marks = runMarks(model);
    this.#marksCache = { model, version: model.version, marks };
    return marks;
  }

  #relayout(): void {
    const model = this.model;
    if (!model) return;
    const layoutChanged = (next: Layout): boolean =>
      next.height !== this.layout.height ||
      next.workers.length !== this.layout.workers.length ||
      next.lanes.height !== this.layout.lanes.height ||
      next.queue.height !== this.layout.queue.height;
    const next = layoutLanes(model.workers, model.tasks.length, this.#zoom, {
      ...this.#options,
      available: this.#options.fitHeight ? this.#height : undefined,
    });
    const changed = layoutChanged(next);
    this.layout = next;
    this.scrollY = Math.min(this.scrollY, next.lanes.scrollMax);
    const rightPad = Math.round(24 * this.#zoom);
    this.scale = makeViewScale(this.view(), next.gutter, Math.max(80, this.#width - next.gutter - rightPad));
    if (changed) this.changed();
  }

  #draw(): void {
    const canvases = this.#canvases;
    const model = this.model;
    if (!canvases || !model || this.#width <= 0) return;
    if (model.tasks.length === 0 && model.workers.length === 0) {
      // Nothing to draw yet: blank canvases (the stage says what to do instead).
      for (const canvas of [canvases.base, canvases.overlay])
        canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      this.scene = null;
      this.#dirtyStatic = true;
      canvases.stage.dataset.drawnEvents = String(model.version);
      this.drawn.fire();
      return;
    }
    const ratio = window.devicePixelRatio || 1;
    const height = this.#options.fitHeight ? Math.min(this.#height, this.layout.height) : this.layout.height;
    if (this.#dirtyStatic) {
      this.#dirtyStatic = false;
      this.#relayout();
      const h = this.#options.fitHeight ? Math.min(this.#height, this.layout.height) : this.layout.height;
      // Not fitted to a box (a comparison's run): the stage is as tall as its lanes.
      if (!this.#options.fitHeight) canvases.stage.style.height = `${h}px`;
      const painter = this.#painter(canvases.base, ratio, h);
      const ctx = painter && this.#context(painter, this.running);
      if (ctx) {
        this.scene = drawStatic(ctx);
        this.#lastBounds = this.boundsEnd();
        this.#lastView = { start: this.scale.start, end: this.scale.end };
        canvases.stage.dataset.drawnEvents = String(model.version);
        alignMirror(canvases.stage, this.scale, this.scrollY);
        this.drawn.fire();
      }
    }
    const painter = this.#painter(canvases.overlay, ratio, height);
    const ctx = painter && this.#context(painter, this.running);
    if (ctx && this.scene) {
      const model = ctx.model;
      this.live = drawOverlay(ctx, this.scene, {
        highlight: this.#highlight(),
        active: this.active !== null ? (model.task(this.active) ?? null) : null,
        selection: this.views.selection,
      });
    }
  }

  #highlight(): Highlight {
    const target = this.hover?.target;
    if (!target) return null;
    if (target.kind === 'task' || target.kind === 'delivery') return { kind: 'task', task: target.task };
    if (target.kind === 'block') return { kind: 'block', worker: target.worker.index, block: target.block };
    return null;
  }

  #painter(canvas: HTMLCanvasElement, ratio: number, height: number): CanvasPainter | null {
    const w = Math.round(this.#width * ratio);
    const h = Math.round(height * ratio);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      canvas.style.width = `${this.#width}px`;
      canvas.style.height = `${height}px`;
    }
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, this.#width, height);
    return new CanvasPainter(context);
  }

  /** The task of an id, for the tooltip and the mirror. */
  task(id: number): TaskRecord | undefined {
    return this.model?.task(id);
  }
}
