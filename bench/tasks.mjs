// Task functions for the benchmark workers (the pool's `taskModule`). Plain
// JavaScript, so the pool imports it as it is: a TypeScript task module would
// be bundled by esbuild for every new executor and blur the cold-start figure.
// The runner imports countPrimes() too, for the in-process serial baseline.
// Every function takes one argument, so the peer pools (workerpool,
// tinypool) run the very same tasks.

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Block the whole process for `ms`, like Python's time.sleep (no event loop turn). */
function blockingSleep(ms) {
  Atomics.wait(sleepCell, 0, 0, ms);
}

/** Milliseconds since the epoch, sub-millisecond precision; comparable across processes. */
export function epochMs() {
  return performance.timeOrigin + performance.now();
}

export function noop(x) {
  return x;
}

/** noop over a whole chunk: how the peers, which have no map(), batch items by hand. */
export function mapChunk(items) {
  const out = new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = noop(items[i]);
  return out;
}

/** Trial division up to sqrt(i): the same loop as count_primes() in reference/py_pool.py. */
export function countPrimes(n) {
  let count = 0;
  for (let i = 2; i < n; i++) {
    let j = 2;
    let isP = true;
    while (j * j <= i) {
      if (i % j === 0) {
        isP = false;
        break;
      }
      j++;
    }
    if (isP) count++;
  }
  return count;
}

/** [count, seconds spent in this worker, worker PID]. */
export function countPrimesTimed(n) {
  const t = performance.now();
  const count = countPrimes(n);
  return [count, (performance.now() - t) / 1e3, process.pid];
}

export function sleepMs(ms) {
  blockingSleep(ms);
  return process.pid;
}

/** Sleep, then return the completion time in epoch milliseconds. */
export function sleepStamp(ms) {
  blockingSleep(ms);
  return epochMs();
}
