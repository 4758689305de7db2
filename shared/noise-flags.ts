/**
 * Figures that cannot be true of the pool, only of a noisy measurement: the
 * app flags them as noise instead of presenting them as results.
 *
 * - Efficiency above 100 %: n workers more than n times as fast as one
 *   process. Each worker does at most one process's work.
 * - A 1-worker pool faster than the serial baseline: it does the same work
 *   plus starting a process and sending every task and result.
 * - A sweep's serial fraction near 100 % fitted to noisy points: it then
 *   describes the noise (nothing got faster because the CPUs were taken),
 *   not the program.
 */
import { formatSeconds } from './timeline-scale';

export type NoiseFlag =
  | { kind: 'efficiency-over-100'; efficiency: number; workers: number; speedup: number }
  | { kind: 'one-worker-faster'; wallMs: number; serialWallMs: number }
  | { kind: 'serial-fraction-from-noise'; serialFraction: number; reasons: string[] };

/** Efficiency above 100 % (speedup against a one-process baseline, ÷ workers). */
export function efficiencyNoise(speedup: number | null, workers: number): NoiseFlag | null {
  if (speedup === null || !(workers > 0) || !Number.isFinite(speedup)) return null;
  const efficiency = speedup / workers;
  return efficiency > 1 ? { kind: 'efficiency-over-100', efficiency, workers, speedup } : null;
}

/** A pool with one worker (not the serial baseline itself) that finished before the serial baseline. */
export function oneWorkerNoise(
  run: { serial: boolean; workers: number; wallMs: number | null },
  serialWallMs: number | null,
): NoiseFlag | null {
  if (run.serial || run.workers !== 1 || run.wallMs === null || serialWallMs === null) return null;
  return run.wallMs < serialWallMs ? { kind: 'one-worker-faster', wallMs: run.wallMs, serialWallMs } : null;
}

/** A serial fraction this close to 100 % says "nothing got faster". */
export const NEAR_FULL_SERIAL_FRACTION = 0.9;

/**
 * The fitted serial fraction, when it is near 100 % and the points it was
 * fitted to are noisy (`reasons`: what was noisy about them, in words).
 */
export function serialFractionNoise(serialFraction: number, reasons: readonly string[]): NoiseFlag | null {
  return serialFraction >= NEAR_FULL_SERIAL_FRACTION && reasons.length > 0
    ? { kind: 'serial-fraction-from-noise', serialFraction, reasons: [...reasons] }
    : null;
}

/** A word or two for a figure's badge. */
export function noiseBadge(flag: NoiseFlag): string {
  return flag.kind === 'serial-fraction-from-noise' ? 'from noisy runs' : 'noise';
}

/** A few words for a line of text: `efficiency 122 % (noise)`. */
export function noiseShortText(flag: NoiseFlag): string {
  switch (flag.kind) {
    case 'efficiency-over-100':
      return `efficiency ${Math.round(flag.efficiency * 100)} % (noise)`;
    case 'one-worker-faster':
      return '1 worker faster than serial (noise)';
    case 'serial-fraction-from-noise':
      return `serial fraction ${Math.round(flag.serialFraction * 100)} % from noisy runs`;
  }
}

/** What was measured, and why it is noise, in a learner's words. */
export function noiseText(flag: NoiseFlag): string {
  switch (flag.kind) {
    case 'efficiency-over-100':
      return (
        `Efficiency ${(flag.efficiency * 100).toFixed(1)} %: ${flag.workers} worker` +
        `${flag.workers === 1 ? ' was' : 's were'} ${flag.speedup.toFixed(2)}× as fast as one process. ` +
        `Each worker does at most one process's work, so more than 100 % is noise (the baseline ` +
        `was slowed down, or this run was lucky), not a result.`
      );
    case 'one-worker-faster':
      return (
        `A 1-worker pool finished in ${formatSeconds(flag.wallMs)}, before the serial baseline ` +
        `(${formatSeconds(flag.serialWallMs)}). It does the same work plus starting a process and ` +
        `sending every task, so it cannot really be faster: the difference is noise.`
      );
    case 'serial-fraction-from-noise':
      return (
        `The fitted serial fraction is ${Math.round(flag.serialFraction * 100)} %, but the points it ` +
        `was fitted to are noisy (${flag.reasons.join('; ')}). It describes the busy machine, not the ` +
        `program: repeat the sweep when the machine is quieter.`
      );
  }
}
