/**
 * One clock for every process of a run: milliseconds since the epoch with
 * sub-millisecond precision. Each process has its own `timeOrigin`, so stamps
 * taken in different processes are directly comparable (to within the
 * wall-clock skew at their start, well under a millisecond on one machine).
 */

/** Read once: `performance.timeOrigin` is a getter, and now() runs several times per task. */
const origin = performance.timeOrigin;

export function now(): number {
  return origin + performance.now();
}
