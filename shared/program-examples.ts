/**
 * Whole programs, in Python and in TypeScript: the three classic
 * ProcessPoolExecutor programs the app was built from, verbatim, their
 * TypeScript twins, threads against processes on CPU-bound work (Python), and
 * wait(FIRST_COMPLETED) with cancellation. Also the code each language and
 * kind starts with when the workspace has none of its own yet.
 *
 * In TypeScript the program's exported functions are the tasks and its
 * `main()` is what Python puts under `if __name__ == "__main__":` — the
 * driver process calls it; the worker processes import the same file for
 * its task functions and never do.
 */
import type { CodeSlot } from './code-slots';

export const SEED_SUBMIT_PY = `import time
import os
from concurrent.futures import ProcessPoolExecutor

def task(n):
    print(f"Task {n} starting in process {os.getpid()}\\n")
    time.sleep(2)
    return f"Task {n} done."

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3) as executor:
        futures = [executor.submit(task, i) for i in range(5)]

        for f in futures:
            print(f.result()) # Wait for the result
`;

export const SEED_MAP_PY = `from concurrent.futures import ProcessPoolExecutor
import time

def squere(n):
    time.sleep(n)
    return n*n

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3) as executor:
        result = executor.map(squere, [5,2,3,4,1])
        print(list(result)) # Collect the result
`;

export const SEED_AS_COMPLETED_PY = `from concurrent.futures import ProcessPoolExecutor, as_completed
import time

def cube(n):
    time.sleep(n)  # simulate different runtimes
    return n**3

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3) as executor:
        futures = [executor.submit(cube, i) for i in [6,3,2,4,5]]

        for f in as_completed(futures):
            print("Result:", f.result())
`;

export const SEED_SUBMIT_TS = `import { ProcessPoolExecutor } from './pool';

// A task: exported, so the worker processes can find it by name.
export function task(n: number): string {
  console.log(\`Task \${n} starting in process \${process.pid}\\n\`);
  sleep(2000); // blocks this process, like time.sleep(2)
  return \`Task \${n} done.\`;
}

// Python's \`if __name__ == "__main__":\` block: only the driver process calls main();
// the workers import this file for task() and never do.
export async function main(): Promise<void> {
  await using executor = new ProcessPoolExecutor({ maxWorkers: 3 }); // with ... as executor:
  const futures = [0, 1, 2, 3, 4].map((i) => executor.submit(task, i));

  for (const f of futures) {
    console.log(await f.result()); // Wait for the result
  }
}
`;

export const SEED_MAP_TS = `import { ProcessPoolExecutor } from './pool';

export function squere(n: number): number {
  sleep(n * 1000);
  return n * n;
}

export async function main(): Promise<void> {
  await using executor = new ProcessPoolExecutor({ maxWorkers: 3 });
  const result = [];
  for await (const value of executor.map(squere, [5, 2, 3, 4, 1])) result.push(value);
  console.log(result); // Collect the result
}
`;

export const SEED_AS_COMPLETED_TS = `import { ProcessPoolExecutor, asCompleted } from './pool';

export function cube(n: number): number {
  sleep(n * 1000); // simulate different runtimes
  return n ** 3;
}

export async function main(): Promise<void> {
  await using executor = new ProcessPoolExecutor({ maxWorkers: 3 });
  const futures = [6, 3, 2, 4, 5].map((i) => executor.submit(cube, i));

  for await (const f of asCompleted(futures)) {
    console.log('Result:', await f.result());
  }
}
`;

/** CPU-bound work on a pool of `kind`: the threads-vs-processes pair differs in that name alone. */
function cpuBound(kind: 'ThreadPoolExecutor' | 'ProcessPoolExecutor'): string {
  return `import os
import sys
import time
from concurrent.futures import ${kind}

def count_primes(limit):
    """CPU-bound: nothing but Python code, no waiting."""
    count = 0
    for n in range(2, limit):
        for d in range(2, int(n ** 0.5) + 1):
            if n % d == 0:
                break
        else:
            count += 1
    return count

if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"Python {sys.version.split()[0]}, GIL {'on' if gil else 'off'}, {os.cpu_count()} CPUs")
    start = time.perf_counter()
    with ${kind}(max_workers=2) as executor:
        results = list(executor.map(count_primes, [300_000] * 4))
    print(f"${kind}: {results} in {time.perf_counter() - start:.2f} s")
`;
}

/** Four CPU-bound tasks on two threads of one process: under the GIL, one runs at a time. */
export const CPU_ON_THREADS_PY = cpuBound('ThreadPoolExecutor');
/** The same four tasks on two worker processes: each has its own interpreter (and GIL). */
export const CPU_ON_PROCESSES_PY = cpuBound('ProcessPoolExecutor');

export const FIRST_COMPLETED_PY = `import time
from concurrent.futures import ProcessPoolExecutor, wait, FIRST_COMPLETED

def search(shard, seconds):
    """Pretend to search one shard of the data: the lucky one is fast."""
    time.sleep(seconds)
    return f"found in shard {shard}"

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(search, shard, seconds)
                   for shard, seconds in enumerate([2, 0.5, 1, 1, 1, 1, 1, 1])]
        done, not_done = wait(futures, return_when=FIRST_COMPLETED)
        print(done.pop().result())
        # The rest is no longer needed. cancel() takes back a task still waiting;
        # one already handed to a worker cannot be taken back, and runs on.
        for shard, f in enumerate(futures):
            if f in not_done:
                print(f"shard {shard}:", "cancelled" if f.cancel() else "runs on")
`;

export const FIRST_COMPLETED_TS = `import { ProcessPoolExecutor, wait, FIRST_COMPLETED } from './pool';

// Pretend to search one shard of the data: the lucky one is fast.
export function search(shard: number, seconds: number): string {
  sleep(seconds * 1000);
  return \`found in shard \${shard}\`;
}

export async function main(): Promise<void> {
  await using executor = new ProcessPoolExecutor({ maxWorkers: 2 });
  const futures = [2, 0.5, 1, 1, 1, 1, 1, 1].map((seconds, shard) =>
    executor.submit(search, shard, seconds),
  );
  const { done, notDone } = await wait(futures, { returnWhen: FIRST_COMPLETED });
  console.log(await [...done][0]!.result());
  // The rest is no longer needed. cancel() takes back a task still waiting;
  // one already handed to a worker cannot be taken back, and runs on.
  futures.forEach((f, shard) => {
    if (notDone.has(f)) console.log(\`shard \${shard}:\`, f.cancel() ? 'cancelled' : 'runs on');
  });
}
`;

/** Python task functions the run bar drives: the submit example's, in Python. */
export const PYTHON_TASKS_STARTER = `import os
import time

def task(n):
    print(f"Task {n} starting in process {os.getpid()}")
    time.sleep(2)
    return f"Task {n} done."
`;

/** The code a language and kind start with when the workspace has none of its own (tasks.ts comes from the examples). */
export const STARTER_CODE: Readonly<Record<Exclude<CodeSlot, 'typescript-tasks'>, string>> = {
  'python-tasks': PYTHON_TASKS_STARTER,
  'python-program': SEED_SUBMIT_PY,
  'typescript-program': SEED_SUBMIT_TS,
};
