/**
 * Predict, then run: the learner's guess of the wall time and of the order
 * the results reach the caller, set beside what the run measured. The order
 * may be written as the inputs (`2, 3, 4, 6, 5`), the results (`8, 27, …`),
 * the input positions (`2, 1, 0`) or the labels (`cube(2), …`): whichever
 * way it is written, it is checked against the same delivered order.
 */
import type { RunModel, TaskRecord } from './run-model';

export interface Prediction {
  wallSec?: number | null;
  order?: string | null;
}

export interface WallCheck {
  guessMs: number;
  actualMs: number;
  /** Measured minus guessed: positive when the run took longer than guessed. */
  diffMs: number;
}

export type OrderKind = 'inputs' | 'results' | 'positions' | 'labels';

export interface OrderCheck {
  guess: string[];
  /** The delivered order, written the way the guess was (or as inputs). */
  actual: string[];
  by: OrderKind;
  matched: boolean;
}

export interface PredictionCheck {
  wall: WallCheck | null;
  order: OrderCheck | null;
}

/** Split a written order into its items: commas, spaces, arrows, semicolons; brackets dropped. */
export function splitOrder(text: string): string[] {
  return text
    .replace(/[[\]]/g, ' ')
    .split(/\s*(?:,|;|→|->|\s)\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function normalise(item: string): string {
  return item
    .trim()
    .replace(/^(['"`])(.*)\1$/, '$2')
    .replace(/_/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

function written(task: TaskRecord, kind: OrderKind): string {
  switch (kind) {
    case 'inputs':
      return task.args;
    case 'results':
      return task.result ?? (task.error ? task.error.name : '');
    case 'positions':
      return String(task.index);
    case 'labels':
      return task.label;
  }
}

const KINDS: readonly OrderKind[] = ['inputs', 'results', 'positions', 'labels'];

export function checkOrder(guessText: string, model: RunModel): OrderCheck | null {
  const guess = splitOrder(guessText);
  if (guess.length === 0) return null;
  const delivered = model.tasks
    .filter((t) => t.deliveryOrder !== null)
    .sort((a, b) => a.deliveryOrder! - b.deliveryOrder!);
  if (delivered.length === 0) return null;
  const g = guess.map(normalise);
  let best: { kind: OrderKind; hits: number; matched: boolean } | null = null;
  for (const kind of KINDS) {
    const actual = delivered.map((t) => normalise(written(t, kind)));
    const matched = actual.length === g.length && actual.every((a, i) => a === g[i]);
    const hits = actual.filter((a, i) => a === g[i]).length;
    if (matched) return { guess, actual: delivered.map((t) => written(t, kind)), by: kind, matched: true };
    if (best === null || hits > best.hits) best = { kind, hits, matched };
  }
  const by = best && best.hits > 0 ? best.kind : 'inputs';
  return { guess, actual: delivered.map((t) => written(t, by)), by, matched: false };
}

export function checkPrediction(prediction: Prediction | null | undefined, model: RunModel): PredictionCheck {
  const wallSec = prediction?.wallSec;
  const actualMs = model.finish?.wallMs ?? null;
  const wall =
    typeof wallSec === 'number' && Number.isFinite(wallSec) && wallSec >= 0 && actualMs !== null
      ? { guessMs: wallSec * 1000, actualMs, diffMs: actualMs - wallSec * 1000 }
      : null;
  const order = prediction?.order ? checkOrder(prediction.order, model) : null;
  return { wall, order };
}

/** True when the prediction says anything at all. */
export function hasPrediction(prediction: Prediction | null | undefined): boolean {
  return (
    (typeof prediction?.wallSec === 'number' && Number.isFinite(prediction.wallSec)) ||
    (typeof prediction?.order === 'string' && prediction.order.trim() !== '')
  );
}
