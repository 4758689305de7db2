/**
 * The host end of the tracer's transport: a UNIX socket in the run's private
 * folder. Every Python process of the run connects once, says `hello` with the
 * run's token and its PID, then sends JSON lines. Lines are validated here;
 * a connection that does not introduce itself properly is dropped.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { helloSchema, wireEventSchema, type TracerEvent, type TracerHello } from './tracer-events';

/** A longer line is dropped (the tracer splits big output into 64 KiB events). */
const MAX_LINE_CHARS = 1_000_000;

export interface TraceServerHandlers {
  onHello(hello: TracerHello): void;
  onEvent(event: TracerEvent): void;
  onClose(pid: number): void;
  /** A line that is not a valid event (reported, then dropped). */
  onProblem(message: string): void;
}

export class TraceServer {
  readonly #server: Server;
  readonly #token: string;
  readonly #handlers: TraceServerHandlers;
  readonly #open = new Set<Socket>();
  readonly #connected = new Set<number>();
  #idleWaiters: (() => void)[] = [];

  private constructor(server: Server, token: string, handlers: TraceServerHandlers) {
    this.#server = server;
    this.#token = token;
    this.#handlers = handlers;
    server.on('connection', (socket) => this.#accept(socket));
  }

  static listen(socketPath: string, token: string, handlers: TraceServerHandlers): Promise<TraceServer> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      const traceServer = new TraceServer(server, token, handlers);
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve(traceServer);
      });
    });
  }

  /** PIDs that have connected (and said hello) so far. */
  hasConnected(pid: number): boolean {
    return this.#connected.has(pid);
  }

  get openConnections(): number {
    return this.#open.size;
  }

  /** Resolves true once no connection is open, false after `timeoutMs`. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.#open.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  close(): Promise<void> {
    for (const socket of this.#open) socket.destroy();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: Socket): void {
    this.#open.add(socket);
    socket.setEncoding('utf8');
    let pid: number | null = null;
    let pending = '';
    const handleLine = (line: string): boolean => {
      if (!line) return true;
      if (line.length > MAX_LINE_CHARS) {
        this.#handlers.onProblem(`dropped an event of ${line.length} characters from PID ${pid ?? '?'}`);
        return true;
      }
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        this.#handlers.onProblem(`an unreadable line from PID ${pid ?? '?'}: ${line.slice(0, 120)}`);
        return pid !== null;
      }
      if (pid === null) {
        const hello = helloSchema.safeParse(json);
        if (!hello.success || hello.data.token !== this.#token) return false;
        pid = hello.data.pid;
        this.#connected.add(pid);
        this.#handlers.onHello(hello.data);
        return true;
      }
      const event = wireEventSchema.safeParse(json);
      if (!event.success) {
        const type = (json as { type?: unknown } | null)?.type;
        this.#handlers.onProblem(
          `an event of PID ${pid} did not match the tracer's events (${String(type)}): ${event.error.issues[0]?.message ?? ''}`,
        );
        return true;
      }
      this.#handlers.onEvent({ ...event.data, pid } as TracerEvent);
      return true;
    };
    socket.on('data', (chunk: string) => {
      pending += chunk;
      let start = 0;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        if (!handleLine(pending.slice(start, newline))) {
          socket.destroy();
          return;
        }
        start = newline + 1;
        newline = pending.indexOf('\n', start);
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LINE_CHARS * 2) {
        this.#handlers.onProblem(`PID ${pid ?? '?'} sent an endless line; its connection was closed`);
        socket.destroy();
      }
    });
    socket.on('error', () => {}); // a process killed mid-write: 'close' follows
    socket.on('close', () => {
      this.#open.delete(socket);
      if (pid !== null) this.#handlers.onClose(pid);
      if (this.#open.size === 0) {
        const waiters = this.#idleWaiters;
        this.#idleWaiters = [];
        for (const wake of waiters) wake();
      }
    });
  }
}
