/**
 * Folds a run's event log into what the views draw: one record per worker
 * (a timeline lane) and per task (a bar), plus the run's progress. The live
 * view, replay, comparison and trace export all read runs through this, so
 * they can never disagree. Events are applied incrementally (a run can have
 * tens of thousands); `version` changes on every apply, for React.
 */
import type {
  ErrorInfo,
  RunEvent,
  RunOutcome,
  RuntimeInfo,
  ThreadLane,
  WorkerExitReason,
} from './run-events';
import type { RunSpec } from './run-spec';

export type TaskState = 'queued' | 'dispatched' | 'running' | 'ok' | 'error' | 'cancelled';

export interface TaskRecord {
  id: number;
  fn: string;
  label: string;
  /** Position of its (first) input. */
  index: number;
  items: number;
  args: string;
  state: TaskState;
  worker: number | null;
  pid: number | null;
  submitted: number;
  dispatched: number | null;
  started: number | null;
  finished: number | null;
  /** When the driver (the caller) received its outcome. */
  delivered: number | null;
  /** 1 for the first result the caller received, 2 for the next… */
  deliveryOrder: number | null;
  result?: string;
  error?: ErrorInfo;
  /** The executor it was submitted to (null: the run's only one). */
  executor: number | null;
}

/** An executor a whole program created (task mode has one and records none). */
export interface ExecutorRecord {
  id: number;
  kind: 'process' | 'thread';
  maxWorkers: number | null;
  startMethod: string | null;
  maxTasksPerChild: number | null;
  initializer: string | null;
  created: number;
}

export interface WorkerRecord {
  index: number;
  pid: number | null;
  spawned: number;
  ready: number | null;
  exited: number | null;
  code: number | null;
  signal: string | null;
  reason: WorkerExitReason | null;
  /** Task ids in the order this worker ran them. */
  tasks: number[];
  /** The initializer's run in this worker (worker-side times), if there was one. */
  init: { started: number; finished: number; ok: boolean } | null;
  /** The executor it belongs to (null: the run's only one). */
  executor: number | null;
  /** Set when this lane is a thread inside `pid` (a ThreadPoolExecutor's worker). */
  thread: ThreadLane | null;
}

export interface RunMarks {
  /** When the caller's timeout falls due (ms since run start). */
  deadline: number | null;
  timedOut: { t: number; message: string } | null;
  stopRequested: number | null;
  shutdown: {
    called: number;
    wait: boolean;
    cancelFutures: boolean;
    cancelled: number[];
    handedOver: number[];
    returned: number | null;
  } | null;
}

export interface RunFinish {
  outcome: RunOutcome;
  message: string | null;
  wallMs: number;
  t: number;
}

export interface RunCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
  cancelled: number;
  /** Tasks neither started nor finished (what the queue lane says is waiting). */
  unstarted: number;
  total: number;
  workersAlive: number;
  workersBusy: number;
}

export class RunModel {
  runId = '';
  spec: RunSpec | null = null;
  epoch = 0;
  cpus = 0;
  /** The host's 1-minute load average at the start (null when not reported). */
  loadAverage: number | null = null;
  taskCount = 0;
  inputCount = 0;
  /** What ran the code, when the run recorded it. */
  runtime: RuntimeInfo | null = null;
  /** The executors a whole program created, in order. */
  readonly executors: ExecutorRecord[] = [];
  readonly workers: WorkerRecord[] = [];
  readonly tasks: TaskRecord[] = [];
  readonly #taskById = new Map<number, TaskRecord>();
  readonly #workerByIndex = new Map<number, WorkerRecord>();
  finish: RunFinish | null = null;
  brokenMessage: string | null = null;
  /** Instants the timeline marks: the caller's deadline, Stop, shutdown(). */
  readonly marks: RunMarks = { deadline: null, timedOut: null, stopRequested: null, shutdown: null };
  /** Time of the latest event seen. */
  lastT = 0;
  outputDropped = 0;
  deliveries = 0;
  /** Tasks whose result reached the caller, in the order they did (so by time: see deliveredInOrder). */
  readonly delivered: TaskRecord[] = [];
  /** Whether `delivered` is sorted by delivery time (events come stamped in order; a log could differ). */
  deliveredInOrder = true;
  version = 0;

  static from(events: readonly RunEvent[]): RunModel {
    const model = new RunModel();
    model.applyAll(events);
    return model;
  }

  task(id: number): TaskRecord | undefined {
    return this.#taskById.get(id);
  }

  worker(index: number): WorkerRecord | undefined {
    return this.#workerByIndex.get(index);
  }

  applyAll(events: readonly RunEvent[]): void {
    for (const event of events) this.apply(event);
  }

  apply(e: RunEvent): void {
    this.version++;
    if (e.t > this.lastT) this.lastT = e.t;
    switch (e.type) {
      case 'run-started':
        this.runId = e.runId;
        this.spec = e.spec;
        this.epoch = e.epoch;
        this.cpus = e.cpus;
        this.loadAverage = e.loadAverage ?? null;
        this.taskCount = e.taskCount;
        this.inputCount = e.inputCount;
        this.runtime = e.runtime ?? null;
        return;
      case 'executor-created':
        this.executors.push({
          id: e.executor,
          kind: e.kind,
          maxWorkers: e.maxWorkers,
          startMethod: e.startMethod,
          maxTasksPerChild: e.maxTasksPerChild,
          initializer: e.initializer,
          created: e.t,
        });
        return;
      case 'worker-spawned': {
        const w = this.#ensureWorker(e.worker, e.pid, e.t);
        w.spawned = e.t;
        if (e.executor !== undefined) w.executor = e.executor;
        if (e.thread !== undefined) w.thread = e.thread;
        return;
      }
      case 'worker-ready': {
        const w = this.#ensureWorker(e.worker, e.pid, e.t);
        // A process's own clock reading can come a hair before the moment its parent recorded
        // starting it (a Python worker says when it was ready; the host saw it spawn): never
        // earlier than its spawn, so no start-up is negative.
        w.ready = Math.max(e.t, w.spawned);
        return;
      }
      case 'worker-exited': {
        const w = this.#ensureWorker(e.worker, e.pid, e.t);
        w.exited = e.t;
        w.code = e.code;
        w.signal = e.signal;
        w.reason = e.reason;
        return;
      }
      case 'task-submitted': {
        const task: TaskRecord = {
          id: e.task,
          fn: e.fn,
          label: e.label,
          index: e.index,
          items: e.items,
          args: e.args,
          state: 'queued',
          worker: null,
          pid: null,
          submitted: e.t,
          dispatched: null,
          started: null,
          finished: null,
          delivered: null,
          deliveryOrder: null,
          executor: e.executor ?? null,
        };
        this.#taskById.set(e.task, task);
        this.tasks.push(task);
        // A whole program's tasks are not known in advance: count them as they come.
        if (this.tasks.length > this.taskCount) this.taskCount = this.tasks.length;
        return;
      }
      case 'task-dispatched': {
        const task = this.#taskById.get(e.task);
        if (!task) return;
        task.dispatched = e.t;
        task.worker = e.worker;
        task.pid = e.pid;
        if (task.state === 'queued') task.state = 'dispatched';
        this.#ensureWorker(e.worker, e.pid, e.t).tasks.push(task.id);
        return;
      }
      case 'task-started': {
        const task = this.#taskById.get(e.task);
        if (!task) return;
        task.started ??= e.t;
        if (task.state === 'queued' || task.state === 'dispatched') task.state = 'running';
        return;
      }
      case 'task-finished': {
        const task = this.#taskById.get(e.task);
        if (!task) return;
        task.state = e.status;
        task.finished = e.finished ?? e.t;
        // The worker's own stamp of when the call began beats our estimate.
        if (e.started !== null) task.started = e.started;
        if (e.worker !== null && task.worker === null) {
          task.worker = e.worker;
          this.#ensureWorker(e.worker, e.pid, e.t).tasks.push(task.id);
        }
        if (e.pid !== null) task.pid = e.pid;
        if (e.result !== undefined) task.result = e.result;
        if (e.error !== undefined) task.error = e.error;
        return;
      }
      case 'task-delivered': {
        const task = this.#taskById.get(e.task);
        if (!task) return;
        if (task.delivered === null) {
          const last = this.delivered.at(-1);
          if (last && last.delivered! > e.t) this.deliveredInOrder = false;
          this.delivered.push(task);
        }
        task.delivered = e.t;
        task.deliveryOrder = e.order;
        this.deliveries = Math.max(this.deliveries, e.order);
        return;
      }
      case 'output-truncated':
        this.outputDropped = Math.max(this.outputDropped, e.dropped);
        return;
      case 'pool-broken':
        this.brokenMessage = e.message;
        return;
      case 'worker-initialized':
        this.#ensureWorker(e.worker, e.pid, e.t).init = {
          started: e.started,
          finished: e.finished,
          ok: e.ok,
        };
        return;
      case 'deadline-set':
        this.marks.deadline = e.due;
        return;
      case 'timed-out':
        this.marks.timedOut = { t: e.t, message: e.message };
        return;
      case 'stop-requested':
        this.marks.stopRequested ??= e.t;
        return;
      case 'shutdown-called':
        this.marks.shutdown = {
          called: e.t,
          wait: e.wait,
          cancelFutures: e.cancelFutures,
          cancelled: e.cancelled,
          handedOver: e.handedOver,
          returned: null,
        };
        return;
      case 'shutdown-returned':
        if (this.marks.shutdown) this.marks.shutdown.returned = e.t;
        return;
      case 'run-finished':
        this.finish = { outcome: e.outcome, message: e.message ?? null, wallMs: e.wallMs, t: e.t };
        return;
      case 'output':
      case 'driver':
      case 'notice':
        return;
    }
  }

  #ensureWorker(index: number, pid: number | null, t: number): WorkerRecord {
    let w = this.#workerByIndex.get(index);
    if (!w) {
      w = {
        index,
        pid,
        spawned: t,
        ready: null,
        exited: null,
        code: null,
        signal: null,
        reason: null,
        tasks: [],
        init: null,
        executor: null,
        thread: null,
      };
      this.#workerByIndex.set(index, w);
      this.workers.push(w);
      this.workers.sort((a, b) => a.index - b.index);
    }
    if (w.pid === null && pid !== null && pid >= 0) w.pid = pid;
    return w;
  }

  #counted: { version: number; counts: Readonly<RunCounts> } | null = null;

  /** How many tasks are in each state, and workers alive and busy (worked out once per version). */
  counts(): Readonly<RunCounts> {
    if (this.#counted?.version !== this.version)
      this.#counted = { version: this.version, counts: this.#count() };
    return this.#counted.counts;
  }

  #count(): RunCounts {
    const c: RunCounts = {
      queued: 0,
      running: 0,
      done: 0,
      failed: 0,
      cancelled: 0,
      unstarted: 0,
      total: this.taskCount,
      workersAlive: 0,
      workersBusy: 0,
    };
    const busy = new Set<number>();
    for (const task of this.tasks) {
      if (task.started === null && task.finished === null) c.unstarted++;
      switch (task.state) {
        case 'queued':
        case 'dispatched':
          c.queued++;
          break;
        case 'running':
          c.running++;
          if (task.worker !== null) busy.add(task.worker);
          break;
        case 'ok':
          c.done++;
          break;
        case 'error':
          c.failed++;
          break;
        case 'cancelled':
          c.cancelled++;
          break;
      }
    }
    for (const w of this.workers) if (w.exited === null) c.workersAlive++;
    c.workersBusy = busy.size;
    return c;
  }

  /** Wall time so far: the finished run's, or the latest event's. */
  get elapsedMs(): number {
    return this.finish ? this.finish.wallMs : this.lastT;
  }
}
