/**
 * A run's timeline: time axis, concurrency track, queue, one lane per
 * worker process in worker order (labelled with its PID), the caller's lane
 * with a marker per result received, and the run's marks. Drawn on canvas by
 * a TimelineController (React does not redraw it: a live run costs a few
 * small redraws a second); the accessible mirror, toolbar, tooltip and
 * legend are React. Zoom, pan and select with the wheel, drag and keys.
 */
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ShownRun } from '../run/run-viewer';
import { useTheme } from '../app/hooks';
import { useZoom } from '../theme/zoom';
import { Legend } from './Legend';
import { TimelineController, type TimelineOptions } from './timeline-controller';
import { TimelineInput } from './timeline-input';
import { TimelineMirror } from './TimelineMirror';
import { TimelineToolbar } from './TimelineToolbar';
import { TimelineTooltip } from './TimelineTooltip';
import { TimeViewStore } from './time-view-store';
import { useElementSize } from './use-element-size';

interface Props {
  /** The run to draw: the live session, a run reopened from the history, a replay. */
  run: ShownRun;
  /** Tells when the run's log grew (the live session, a replay); absent for a finished run. */
  subscribe?: (listener: () => void) => () => void;
  /** A view shared with other timelines (a comparison); else its own. */
  views?: TimeViewStore;
  options?: Partial<TimelineOptions>;
  /** Prefix of the mirror's element ids (unique on the page). */
  idPrefix?: string;
  /** Shown while the run has nothing to draw yet. */
  empty?: ReactNode;
  toolbar?: boolean;
  legend?: boolean;
  /** Receives the controller (for exporting the picture). */
  onController?: (controller: TimelineController) => void;
  label?: string;
}

const DEFAULTS: TimelineOptions = { fitHeight: true, queue: true, axis: true, concurrency: true };

export function Timeline({
  run,
  subscribe,
  views: shared,
  options,
  idPrefix = 'tl',
  empty,
  toolbar = true,
  legend = true,
  onController,
  label = 'Timeline',
}: Props) {
  const theme = useTheme();
  const zoom = useZoom();
  const [own] = useState(() => new TimeViewStore());
  const views = shared ?? own;
  const [controller] = useState(() => new TimelineController(views, { ...DEFAULTS, ...options }));
  useLayoutEffect(() => controller.setOptions({ ...DEFAULTS, ...options }));
  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = useElementSize(stageRef);
  const [shownRun, setShownRun] = useState(run.runId);

  if (shownRun !== run.runId) {
    setShownRun(run.runId);
    if (!shared) own.reset();
  }

  useLayoutEffect(
    () => controller.setRun(run, subscribe),
    [controller, run, run.model, run.phase, subscribe],
  );
  useLayoutEffect(
    () => controller.setSize(width, height, zoom, theme),
    [controller, width, height, zoom, theme],
  );
  useLayoutEffect(() => {
    const stage = stageRef.current;
    const base = baseRef.current;
    const overlay = overlayRef.current;
    controller.attach(stage && base && overlay ? { stage, base, overlay } : null);
    if (!stage) return;
    const input = new TimelineInput(controller);
    const detach = input.attach(stage);
    keyHandler.current = (e) => input.key(e);
    navFirst.current = () => input.navLanes();
    return () => {
      detach();
      controller.attach(null);
    };
  }, [controller]);
  useEffect(() => () => controller.dispose(), [controller]);
  useEffect(() => onController?.(controller), [controller, onController]);

  const keyHandler = useRef<((e: KeyboardEvent) => boolean) | null>(null);
  const navFirst = useRef<(() => { bars: readonly { task: number }[] }[]) | null>(null);
  const active = useSyncExternalStore(controller.subscribe, () => controller.active);
  const isEmpty = useSyncExternalStore(
    controller.drawn.subscribe,
    () => run.model.tasks.length === 0 && run.model.workers.length === 0,
  );
  const runKey = (run.runId ?? 'none').slice(0, 8);
  const domId = (task: number): string => `${idPrefix}-${runKey}-task-${task}`;

  return (
    <div className="timeline" ref={rootRef}>
      {toolbar && !isEmpty && <TimelineToolbar controller={controller} />}
      <div
        className="tl-stage"
        ref={stageRef}
        tabIndex={0}
        role="group"
        aria-label={`${label}. Arrow keys move between tasks; + and − zoom, A and D pan, Shift+arrows select.`}
        aria-activedescendant={active !== null ? domId(active) : undefined}
        data-testid="timeline"
        onKeyDown={(e) => {
          if (keyHandler.current?.(e.nativeEvent)) {
            e.preventDefault();
            e.stopPropagation();
          }
        }}
        onBlur={() => controller.setActive(null)}
        onFocus={(e) => {
          // Arriving by keyboard: start on the first task so its details show.
          if (controller.active === null && e.currentTarget.matches(':focus-visible')) {
            const first = navFirst.current?.().find((lane) => lane.bars.length > 0)?.bars[0];
            if (first) controller.setActive(first.task);
          }
        }}
      >
        <canvas className="tl-canvas" ref={baseRef} aria-hidden="true" />
        <canvas className="tl-canvas tl-canvas--overlay" ref={overlayRef} aria-hidden="true" />
        {!isEmpty && <TimelineMirror controller={controller} domId={domId} />}
        {isEmpty && empty}
      </div>
      {legend && !isEmpty && <Legend controller={controller} />}
      <TimelineTooltip controller={controller} container={rootRef} domId={domId} />
    </div>
  );
}
