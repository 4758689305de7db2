/**
 * When things go wrong: a worker killed, an exception with the user's line, a
 * syntax error before anything runs, an initializer that fails, Stop, a fork
 * bomb, an output flood — each ends with a clear result and no process left.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { listGroup } from '../process-group';
import { NOTHING_TO_TRACE } from '../runner';
import { noPython, ofType, printedBy, programPid, runProgram, waitForEvents } from './harness';

/** Alive and not a zombie (a dead process its new parent has not reaped yet). */
function running(pid: number): boolean {
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(noPython)('failures', () => {
  test('a worker killed with SIGKILL breaks the pool, and the event names its PID', async () => {
    const { events, result } = await runProgram(`import os, signal, time
from concurrent.futures import ProcessPoolExecutor

def work(n):
    if n == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.2)
    return n

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(work, i) for i in range(4)]
        for f in futures:
            try:
                print(f.result())
            except Exception as e:
                print(type(e).__name__)
`);
    expect(result.outcome).toBe('ok');
    const victim = ofType(events, 'task-started').find((e) => {
      const submitted = ofType(events, 'task-submitted').find((s) => s.task === e.task);
      return submitted?.args[0] === '1';
    })?.pid;
    expect(victim).toBeDefined();
    const broken = ofType(events, 'pool-broken');
    expect(broken).toHaveLength(1);
    expect(broken[0]!.message).toContain('terminated abruptly');
    expect(broken[0]!.dead).toEqual([{ child: victim, exitCode: null, signal: 'SIGKILL' }]);
    expect(ofType(events, 'process-exited').find((e) => e.child === victim)?.signal).toBe('SIGKILL');
    const errors = ofType(events, 'task-settled').filter((e) => e.status === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const e of errors) expect(e.error?.type).toBe('concurrent.futures.process.BrokenProcessPool');
    expect(printedBy(events, programPid(events))).toContain('BrokenProcessPool');
  });

  test('an exception in a task: its traceback names the user line, in the worker and in the caller', async () => {
    const { events, result } = await runProgram(`from concurrent.futures import ProcessPoolExecutor

def divide(n):
    return 10 // n

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as executor:
        print(executor.submit(divide, 0).result())
`);
    expect(result.outcome).toBe('error');
    expect(result.exitCode).toBe(1);
    expect(result.uncaught).toMatchObject({ type: 'ZeroDivisionError', line: 8 });
    expect(result.message).toBe('ZeroDivisionError: integer division or modulo by zero (line 8)');
    const finished = ofType(events, 'task-finished')[0];
    expect(finished).toMatchObject({ status: 'error', error: { type: 'ZeroDivisionError', line: 4 } });
    expect(finished?.error?.traceback).toContain('File "main.py", line 4, in divide');
    expect(finished?.error?.traceback).not.toContain('pool_playground_tracer');
    // What the program printed on stderr is CPython's own traceback, in the user's file.
    const stderr = printedBy(events, programPid(events), 'stderr').join('\n');
    expect(stderr).toContain('File "main.py", line 8, in <module>');
    expect(stderr).toContain('ZeroDivisionError: integer division or modulo by zero');
    expect(stderr).not.toContain('pool_playground_tracer');
  });

  test('a syntax error is reported at its line and column, and nothing runs', async () => {
    const { events, result } = await runProgram('print("before")\n\ndef broken(:\n    pass\n');
    expect(result.outcome).toBe('syntax-error');
    expect(result.syntaxError).toMatchObject({ source: 'code', line: 3, column: 12 });
    expect(result.syntaxError?.message).toMatch(/^SyntaxError: .* \(main\.py, line 3\)$/);
    expect(events).toEqual([]);
  });

  test('a program without a pool runs normally and says there was nothing to trace', async () => {
    const { events, result } = await runProgram('import os\nprint("plain", os.getpid())\n');
    expect(result).toMatchObject({ outcome: 'ok', exitCode: 0, traced: false, note: NOTHING_TO_TRACE });
    const main = programPid(events);
    expect(printedBy(events, main)).toEqual([`plain ${main}`]);
  });

  test('an initializer that raises: the worker reports it and the pool breaks', async () => {
    const { events, result } = await runProgram(`from concurrent.futures import ProcessPoolExecutor

def init():
    raise RuntimeError("no database")

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1, initializer=init) as executor:
        try:
            executor.submit(abs, -1).result()
        except Exception as e:
            print(type(e).__name__)
`);
    expect(result.outcome).toBe('ok');
    expect(printedBy(events, programPid(events))).toEqual(['BrokenProcessPool']);
    const failed = ofType(events, 'worker-init-failed')[0];
    expect(failed?.error).toMatchObject({ type: 'RuntimeError', message: 'no database', line: 4 });
  });

  test('Stop ends the program and every worker, and no process of its group is left', async () => {
    const source = `import time
from concurrent.futures import ProcessPoolExecutor

def spin(n):
    while True:
        pass

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        for i in range(2):
            executor.submit(spin, i)
        time.sleep(60)
`;
    const stops: Promise<unknown>[] = [];
    const { events, result, run } = await runProgram(source, {}, (run, events) => {
      stops.push(
        waitForEvents(events, (es) => ofType(es, 'task-started').length === 2).then(() => run.stop()),
      );
    });
    expect(await Promise.all(stops)).toEqual([[]]);
    expect(result.outcome).toBe('stopped');
    expect(result.leftover).toEqual([]);
    expect(await listGroup(run.pid!)).toEqual([]);
    const workers = ofType(events, 'task-started').map((e) => e.pid);
    for (const pid of [run.pid!, ...workers]) expect(running(pid)).toBe(false);
  });

  test('a process the program leaves running is ended when it exits, and named', async () => {
    const { result, run } = await runProgram(
      'import subprocess, sys\nsubprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])\nprint("bye")\n',
    );
    expect(result.outcome).toBe('ok');
    expect(result.strays).toHaveLength(1);
    expect(result.leftover).toEqual([]);
    expect(result.message).toMatch(
      /^The program left 1 process\(es\) running \(PID \d+ .*\); they were ended\.$/,
    );
    expect(await listGroup(run.pid!)).toEqual([]);
  });

  test('a fork bomb is ended at the process limit with a clear message', async () => {
    const { result, run } = await runProgram(
      `import os, time
while True:
    if os.fork() == 0:
        time.sleep(30)
        os._exit(0)
    time.sleep(0.005)
`,
      { maxProcesses: 12 },
    );
    expect(result.outcome).toBe('process-limit');
    expect(result.message).toMatch(/^The program started more than 12 processes at once/);
    expect(result.leftover).toEqual([]);
    expect(await listGroup(run.pid!)).toEqual([]);
  });

  test('the memory limit applies to the program and its workers', async () => {
    const { events, result } = await runProgram(
      `from concurrent.futures import ProcessPoolExecutor

def allocate(megabytes):
    return len(bytearray(megabytes * 2**20))

if __name__ == "__main__":
    for where in ("program", "worker"):
        try:
            if where == "program":
                allocate(400)
            else:
                with ProcessPoolExecutor(max_workers=1) as executor:
                    executor.submit(allocate, 400).result()
            print(where, "allocated")
        except MemoryError:
            print(where, "MemoryError")
    with ProcessPoolExecutor(max_workers=1) as executor:
        print("small", executor.submit(allocate, 10).result())
`,
      { memoryLimitMb: 200 },
    );
    expect(result.outcome).toBe('ok');
    expect(printedBy(events, programPid(events))).toEqual([
      'program MemoryError',
      'worker MemoryError',
      'small 10485760',
    ]);
  });

  test('a process writing more than one event file loses nothing, in order', async () => {
    const { events, result } = await runProgram('for i in range(15000):\n    print(i, "x" * 100)\n', {
      outputLineLimit: 20_000,
      outputCharLimit: 5_000_000,
    });
    expect(result).toMatchObject({ outcome: 'ok', outputTruncated: false });
    const lines = printedBy(events, programPid(events));
    expect(lines).toHaveLength(15_000);
    expect(lines.every((line, i) => line === `${i} ${'x'.repeat(100)}`)).toBe(true);
  });

  test('an output flood is cut at the limit, said once', async () => {
    const { events, result } = await runProgram('for i in range(5000):\n    print(i)\nprint("end")\n', {
      outputLineLimit: 100,
    });
    expect(result).toMatchObject({ outcome: 'ok', outputTruncated: true });
    expect(ofType(events, 'output-truncated')).toEqual([expect.objectContaining({ lines: 100 })]);
    const kept = printedBy(events, programPid(events));
    expect(kept.length).toBeLessThanOrEqual(100);
    expect(kept.slice(0, 3)).toEqual(['0', '1', '2']);
  });
});
