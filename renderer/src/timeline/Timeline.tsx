/**
 * The live per-PID timeline: a time axis in seconds; the queue; one lane per
 * worker process in worker order (never re-sorted), labelled with its PID;
 * the caller's lane with a marker per result received. Draws at most once
 * per animation frame; while a run goes, running bars grow and the axis
 * extends in calm steps. Hover or arrow keys show a task's details.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { TaskRecord } from '../../../shared/run-model';
import { fitDomainEnd, liveDomainEnd } from '../../../shared/timeline-scale';
import type { ShownRun } from '../run/run-viewer';
import { useTheme } from '../app/hooks';
import { useZoom } from '../theme/zoom';
import { buildBars, laneMids } from './bars';
import { CallerLane } from './CallerLane';
import { taskTooltip, workerTooltip } from './describe';
import { layoutLanes, makeScale } from './geometry';
import { navigate, type NavLane } from './keyboard';
import { QueueLane } from './QueueLane';
import { GridLines, TimeAxis } from './TimeAxis';
import { Tooltip, type TooltipAnchor } from './Tooltip';
import { useElementSize } from './use-element-size';
import { useNow } from './use-now';
import { WorkerLanes } from './WorkerLanes';

interface Hover {
  kind: 'task' | 'queue' | 'delivery' | 'worker';
  id: number;
  clientX: number;
  clientY: number;
}

interface Props {
  /** The run to draw: the live session, or a run reopened from the history. */
  run: ShownRun;
  legend?: ReactNode;
}

export function Timeline({ run: session, legend }: Props) {
  const theme = useTheme();
  const zoom = useZoom();
  const model = session.model;
  const running = session.phase === 'running';
  const now = useNow(running && session.measuring !== true, () => session.nowMs());
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(scrollRef);
  const [hover, setHover] = useState<Hover | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [shownRun, setShownRun] = useState(session.runId);
  if (shownRun !== session.runId) {
    setShownRun(session.runId);
    setHover(null);
    setActive(null);
  }

  const empty = model.tasks.length === 0 && model.workers.length === 0;
  const layout = layoutLanes(model.workers, model.tasks.length, zoom);
  const rightPad = Math.round(24 * zoom);
  const plotWidth = Math.max(80, width - layout.gutter - rightPad);
  const lastSeen = Math.max(model.lastT, now);
  const domainEnd = model.finish
    ? fitDomainEnd(Math.max(model.finish.wallMs, model.lastT))
    : running
      ? liveDomainEnd(lastSeen)
      : fitDomainEnd(lastSeen);
  const scale = makeScale(domainEnd, layout.gutter, plotWidth);
  const maxTicks = Math.max(2, Math.floor(plotWidth / (84 * zoom)));
  const runKey = (session.runId ?? 'none').slice(0, 8);
  const domId = (task: number): string => `tl-${runKey}-task-${task}`;

  // Bars per worker lane, and the keyboard's lanes.
  const laneMid = laneMids(layout);
  const lanes = buildBars(model, layout, scale, now, domId, active);
  const bars = lanes.bars;
  const navLanes: NavLane[] = layout.workers.map((lane) => ({
    bars: (bars.get(lane.worker.index) ?? [])
      .map((b) => ({ task: b.task, start: b.start }))
      .sort((a, b) => a.start - b.start),
  }));

  const onPointerMove = (e: PointerEvent<SVGSVGElement>): void => {
    const target = (e.target as Element).closest('[data-hover]');
    const spec = target?.getAttribute('data-hover');
    if (!spec) {
      if (hover) setHover(null);
      return;
    }
    const [kind, id] = spec.split(':') as [Hover['kind'], string];
    setHover({ kind, id: Number(id), clientX: e.clientX, clientY: e.clientY });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape') {
      if (active !== null) {
        setActive(null);
        e.stopPropagation();
      }
      return;
    }
    const next = navigate(navLanes, active, e.key);
    if (next === undefined) return;
    e.preventDefault();
    setActive(next);
    setHover(null);
    requestAnimationFrame(() =>
      document.getElementById(domId(next))?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
    );
  };

  // What the tooltip shows: the hovered thing, else the keyboard's bar.
  let tooltip: {
    title: string;
    state: string;
    rows: ReturnType<typeof taskTooltip>['rows'];
    anchor: TooltipAnchor;
  } | null = null;
  if (hover) {
    const anchor: TooltipAnchor = { kind: 'point', clientX: hover.clientX, clientY: hover.clientY };
    if (hover.kind === 'worker') {
      const worker = model.worker(hover.id);
      if (worker) tooltip = { ...workerTooltip(worker, now), anchor };
    } else {
      const task = model.task(hover.id);
      if (task) tooltip = { ...taskTooltip(task, now), anchor };
    }
  } else if (active !== null) {
    const task: TaskRecord | undefined = model.task(active);
    if (task) tooltip = { ...taskTooltip(task, now), anchor: { kind: 'element', id: domId(active) } };
  }

  const axisHeight = Math.round(26 * zoom);
  return (
    <div className="timeline" ref={rootRef}>
      {!empty && (
        <TimeAxis
          scale={scale}
          width={Math.max(0, width)}
          height={axisHeight}
          fontSize={layout.smallFontSize}
          maxTicks={maxTicks}
        />
      )}
      <div
        className="timeline__scroll"
        ref={scrollRef}
        tabIndex={0}
        role="group"
        aria-label="Timeline. Use the arrow keys to move between tasks."
        aria-activedescendant={active !== null ? domId(active) : undefined}
        data-testid="timeline"
        data-drawn-events={model.version}
        onKeyDown={onKeyDown}
        onBlur={() => setActive(null)}
        onFocus={(e) => {
          // Arriving by keyboard: start on the first bar so its details show.
          if (active === null && e.currentTarget.matches(':focus-visible')) {
            const first = navigate(navLanes, null, 'Home');
            if (first !== undefined) setActive(first);
          }
        }}
      >
        {empty ? (
          <p className="timeline__empty">
            {session.phase === 'starting'
              ? 'Starting the pool…'
              : 'Press Run (Ctrl+Enter) to start the pool. Each worker process gets a lane here, labelled with its PID, and each task a bar.'}
          </p>
        ) : (
          <svg
            className="tl-svg"
            width={Math.max(0, width)}
            height={layout.height}
            onPointerMove={onPointerMove}
            onPointerLeave={() => setHover(null)}
            role="presentation"
          >
            <GridLines scale={scale} height={layout.height} maxTicks={maxTicks} />
            <QueueLane tasks={model.tasks} layout={layout} scale={scale} now={now} version={model.version} />
            <WorkerLanes layout={layout} scale={scale} now={now} theme={theme} lanes={lanes} />
            <CallerLane tasks={model.tasks} layout={layout} scale={scale} laneMid={laneMid} />
            {running && (
              <line
                className="tl-now"
                x1={scale.x(now)}
                x2={scale.x(now)}
                y1={0}
                y2={layout.height}
                aria-hidden="true"
              />
            )}
          </svg>
        )}
        {!empty && legend}
      </div>
      {tooltip && (
        <Tooltip
          title={tooltip.title}
          state={tooltip.state}
          rows={tooltip.rows}
          anchor={tooltip.anchor}
          container={rootRef}
        />
      )}
    </div>
  );
}
