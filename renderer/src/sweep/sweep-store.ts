/**
 * Runs a series of runs, one after another, each a real run saved in the
 * history under one group id: a sweep (one spec over max workers 1…N or
 * over a list of chunksizes, each value repeated, in rounds) or the repeats
 * of Run × N (the same settings N times). Cancel stops the run going on and
 * the rest.
 */
import type { RunSpec } from '../../../shared/run-spec';
import { sweepSteps, type SweepKind } from '../../../shared/sweep';
import { defaultRunName } from '../history/run-text';
import { ObservableStore } from '../store/observable-store';
import type { HistoryStore } from '../history/history-store';
import type { RunController } from '../run/run-controller';
import type { RunEnd, RunSession } from '../run/run-session';

/** A sweep over one setting, or `repeat`: the same settings again and again (Run × N). */
export type SeriesKind = SweepKind | 'repeat';

export interface SweepPlan {
  kind: SeriesKind;
  /** The values of the setting swept (for `repeat`: the spec's max workers, once). */
  values: readonly number[];
  /** How many times each value runs. */
  repeats: number;
  spec: RunSpec;
}

/** How many runs a plan makes. */
export function planSize(plan: Pick<SweepPlan, 'values' | 'repeats'>): number {
  return sweepSteps(plan.values, plan.repeats).length;
}

export type SweepStatus = 'running' | 'done' | 'cancelled' | 'failed';

export interface SweepState {
  plan: SweepPlan;
  group: string;
  status: SweepStatus;
  /** Runs finished so far. */
  done: number;
  /** The value of the run going on. */
  current: number | null;
  message: string | null;
}

export function sweepGroupKind(group: string): SweepKind | null {
  const match = /^sweep-(workers|chunksize)-/.exec(group);
  return match ? (match[1] as SweepKind) : null;
}

/** The runs of Run × N share a group id that says so. */
export function isRepeatGroup(group: string | undefined): boolean {
  return group !== undefined && group.startsWith('repeat-');
}

export function sweepRunName(
  plan: Pick<SweepPlan, 'kind' | 'spec'> & { repeats?: number },
  value: number,
  round = 0,
): string {
  const repeats = plan.repeats ?? 1;
  const which = repeats > 1 ? ` · run ${round + 1} of ${repeats}` : '';
  if (plan.kind === 'repeat') return `${defaultRunName(plan.spec)}${which}`;
  return plan.kind === 'workers'
    ? `${plan.spec.fn} · sweep · ${value} worker${value === 1 ? '' : 's'}${which}`
    : `${plan.spec.fn} · sweep · chunksize ${value}${which}`;
}

function specFor(plan: SweepPlan, value: number): RunSpec {
  if (plan.kind === 'workers') return { ...plan.spec, maxWorkers: value };
  if (plan.kind === 'chunksize') return { ...plan.spec, chunksize: value };
  return plan.spec;
}

function settingName(kind: SeriesKind): string {
  return kind === 'workers' ? 'max workers' : kind === 'chunksize' ? 'chunksize' : 'repeat';
}

interface Deps {
  controller: RunController;
  session: RunSession;
  history: HistoryStore;
}

export class SweepStore extends ObservableStore {
  /** The sweep going on, or the last one. */
  state: SweepState | null = null;
  /** The sweep group the sweep page shows. */
  shownGroup: string | null = null;
  #cancelled = false;
  readonly #deps: Deps;

  constructor(deps: Deps) {
    super();
    this.#deps = deps;
  }

  get running(): boolean {
    return this.state?.status === 'running';
  }

  show(group: string): void {
    this.shownGroup = group;
    this.changed();
  }

  /** Run the plan; its group id, or null when another series is running. */
  async start(plan: SweepPlan): Promise<string | null> {
    if (this.running) return null;
    const stamp = Date.now().toString(36);
    const group = plan.kind === 'repeat' ? `repeat-${stamp}` : `sweep-${plan.kind}-${stamp}`;
    this.#cancelled = false;
    this.state = { plan, group, status: 'running', done: 0, current: null, message: null };
    if (plan.kind !== 'repeat') this.shownGroup = group;
    this.changed();
    await this.#runSteps(plan, group);
    return group;
  }

  async #runSteps(plan: SweepPlan, group: string): Promise<void> {
    const { controller, session, history } = this.#deps;
    const series = plan.kind === 'repeat' ? 'repeats' : 'sweep';
    let lastRun: string | null = null;
    for (const { value, round } of sweepSteps(plan.values, plan.repeats)) {
      if (this.#cancelled) break;
      // The learner started a run of their own meanwhile: leave it alone.
      const other = session.phase === 'starting' || (session.active && session.runId !== lastRun);
      if (lastRun !== null && other) {
        this.#update({
          status: 'cancelled',
          current: null,
          message: `Another run started, so the ${series} stopped.`,
        });
        return;
      }
      this.#update({ current: value });
      const runId = await controller.runSpec(specFor(plan, value), {
        name: sweepRunName(plan, value, round),
        group,
      });
      if (runId === null) {
        this.#update({ status: 'failed', current: null, message: `A run of the ${series} did not start.` });
        return;
      }
      lastRun = runId;
      if (this.#cancelled) void controller.stop();
      const end: RunEnd = await session.whenFinished(runId);
      await history.refresh();
      if (end === 'replaced') {
        this.#update({
          status: 'cancelled',
          current: null,
          message: `Another run started, so the ${series} stopped.`,
        });
        return;
      }
      if (end === 'stopped' && this.#cancelled) break;
      if (end !== 'ok') {
        this.#update({
          status: 'failed',
          current: null,
          message:
            plan.kind === 'repeat'
              ? `Run ${(this.state?.done ?? 0) + 1} of ${planSize(plan)} ended: ${end}.`
              : `The run with ${settingName(plan.kind)} ${value} ended: ${end}.`,
        });
        return;
      }
      this.#update({ done: (this.state?.done ?? 0) + 1 });
    }
    this.#update(
      this.#cancelled
        ? {
            status: 'cancelled',
            current: null,
            message: plan.kind === 'repeat' ? 'Repeats cancelled.' : 'Sweep cancelled.',
          }
        : { status: 'done', current: null },
    );
  }

  /** The repeats of Run × N going on, if any. */
  get repeating(): SweepState | null {
    return this.state?.status === 'running' && this.state.plan.kind === 'repeat' ? this.state : null;
  }

  cancel(): void {
    if (!this.running) return;
    this.#cancelled = true;
    this.changed();
    void this.#deps.controller.stop();
  }

  #update(patch: Partial<SweepState>): void {
    if (!this.state) return;
    this.state = { ...this.state, ...patch };
    this.changed();
  }
}
