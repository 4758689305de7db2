/**
 * What a task module can use in a worker process, as the editor's
 * IntelliSense knows it: a blocking `sleep(ms)`, Node's `process` (the
 * parts that make sense in a lesson) and `console`. Only the ECMAScript
 * library is loaded besides this: no DOM, because tasks do not run in a page.
 */
export const WORKER_GLOBALS_PATH = 'file:///node_modules/@types/pool-worker/index.d.ts';

export const WORKER_GLOBALS = `
/**
 * Pause this whole process for \`ms\` milliseconds, like Python's \`time.sleep\`:
 * nothing else runs in this worker meanwhile (unlike \`await\`ing a timer).
 */
declare function sleep(ms: number): void;

interface WorkerMemoryUsage {
  /** Resident set size: memory the OS gives this process, in bytes. */
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

interface WorkerProcess {
  /** This worker process's id: each worker of the pool has its own. */
  readonly pid: number;
  /** The id of the process that started this one (the pool's host). */
  readonly ppid: number;
  readonly platform: string;
  readonly arch: string;
  readonly argv: string[];
  readonly execArgv: string[];
  /** The worker's environment (a scrubbed copy: no secrets of whoever started the app). */
  readonly env: Record<string, string | undefined>;
  readonly version: string;
  readonly versions: Record<string, string | undefined>;
  exitCode: number | undefined;
  /** End this worker process now. The pool notices, like Python's BrokenProcessPool. */
  exit(code?: number): never;
  /** The current working directory (a private temporary folder). */
  cwd(): string;
  uptime(): number;
  memoryUsage(): WorkerMemoryUsage;
  cpuUsage(previous?: { user: number; system: number }): { user: number; system: number };
  hrtime: {
    (time?: [number, number]): [number, number];
    bigint(): bigint;
  };
  readonly stdout: { write(text: string): boolean };
  readonly stderr: { write(text: string): boolean };
}

declare var process: WorkerProcess;

interface Console {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
  trace(...data: unknown[]): void;
  dir(item?: unknown, options?: unknown): void;
  table(data: unknown, properties?: string[]): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
  timeLog(label?: string, ...data: unknown[]): void;
  count(label?: string): void;
  assert(condition?: boolean, ...data: unknown[]): void;
}
declare var console: Console;

declare function setTimeout(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): unknown;
declare function clearTimeout(handle: unknown): void;
declare function setInterval(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): unknown;
declare function clearInterval(handle: unknown): void;
declare function setImmediate(callback: (...args: unknown[]) => void, ...args: unknown[]): unknown;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare var performance: { now(): number; readonly timeOrigin: number };
`;
