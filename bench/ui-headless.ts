/**
 * The same tasks as a live run, without the app: the user's code compiled
 * and written as the host does (compile.ts, task-files.ts), run on the pool
 * directly, serial (every call in one worker process, the playground's
 * baseline) and on a pool of N workers (submit every input, then result() in
 * order). Wall time from creating the pool to its shutdown, as the app
 * measures a run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessPoolExecutor } from '../electron/pool';
import { compileTaskModule } from '../electron/node/host/compile';
import { SERIAL_RUNNER, writeTaskModule } from '../electron/node/host/task-files';
import { parseInputs } from '../shared/inputs';

export interface HeadlessTasks {
  code: string;
  fn: string;
  inputs: string;
}

export class HeadlessRunner {
  readonly #dir: string;
  readonly #module: string;
  readonly #fn: string;
  readonly #inputs: unknown[];

  private constructor(dir: string, module: string, fn: string, inputs: unknown[]) {
    this.#dir = dir;
    this.#module = module;
    this.#fn = fn;
    this.#inputs = inputs;
  }

  static async prepare(tasks: HeadlessTasks): Promise<HeadlessRunner> {
    const compiled = await compileTaskModule(tasks.code);
    if (!compiled.ok) throw new Error('the benchmark code does not compile');
    const inputs = parseInputs(tasks.inputs, 100_000);
    if (!inputs.ok) throw new Error(`the benchmark inputs do not parse: ${inputs.error}`);
    const dir = mkdtempSync(join(tmpdir(), 'pool-playground-ui-headless-'));
    const written = await writeTaskModule(dir, compiled.js);
    return new HeadlessRunner(dir, written.entryUrl, tasks.fn, inputs.values);
  }

  /** Wall ms of the serial baseline: every call one after another in one worker. */
  async serial(): Promise<number> {
    const t0 = performance.now();
    const executor = new ProcessPoolExecutor({ taskModule: this.#module, maxWorkers: 1 });
    await executor.submit(SERIAL_RUNNER, this.#fn, this.#inputs).result();
    await executor.shutdown({ wait: true });
    return performance.now() - t0;
  }

  /** Wall ms on a pool of `workers`: submit every input, then result() in submission order. */
  async pool(workers: number): Promise<number> {
    const t0 = performance.now();
    const executor = new ProcessPoolExecutor({ taskModule: this.#module, maxWorkers: workers });
    const futures = this.#inputs.map((x) => executor.submit(this.#fn, x));
    for (const f of futures) await f.result();
    await executor.shutdown({ wait: true });
    return performance.now() - t0;
  }

  dispose(): void {
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
