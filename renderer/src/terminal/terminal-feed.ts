/**
 * Turns a run's events into terminal lines: worker output tagged with its
 * PID (one line per line of output, even when a chunk holds several lines or
 * half of one), the lines the driver prints (tagged "caller"), notices, and
 * the summary. Pure: the xterm view and the accessible text mirror both
 * print these same lines.
 */
import type { RunEvent } from '../../../shared/run-events';

export type TermLineKind = 'info' | 'worker' | 'driver' | 'summary' | 'notice';

export interface TermLine {
  kind: TermLineKind;
  /** Shown before the text in brackets: a PID, "caller", or nothing. */
  tag: string | null;
  /** Worker index (for its colour), when the line comes from a worker. */
  worker: number | null;
  stream: 'stdout' | 'stderr';
  text: string;
  /** For summaries and notices: good news or bad. */
  tone?: 'good' | 'bad' | 'dim';
}

/** The line as plain text, as it reads in the terminal. */
export function lineText(line: TermLine): string {
  return line.tag === null ? line.text : `[${line.tag}] ${line.text}`;
}

const SUMMARY = /^(Done|Stopped|Failed) in \d/;
/** Escape sequences and control characters other than tab: user output must not drive the terminal. */
const CONTROL = new RegExp(
  [
    '\\x1b\\[[0-?]*[ -/]*[@-~]', // CSI: colours, cursor moves, clear screen
    '\\x1b\\][^\\x07\\x1b]*(?:\\x07|\\x1b\\\\)?', // OSC: titles, links
    '\\x1b[@-_]?', // other escapes
    '[\\x00-\\x08\\x0b-\\x1f\\x7f]', // control characters but tab and newline
  ].join('|'),
  'g',
);

export function sanitize(text: string): string {
  return text.replace(CONTROL, '');
}

interface PendingLine {
  worker: number | null;
  pid: number | null;
  stream: 'stdout' | 'stderr';
  text: string;
}

export class TerminalFeed {
  readonly #partials = new Map<string, PendingLine>();

  get hasPartials(): boolean {
    return this.#partials.size > 0;
  }

  push(events: readonly RunEvent[]): TermLine[] {
    const out: TermLine[] = [];
    for (const e of events) this.#one(e, out);
    return out;
  }

  /** Print half-lines still waiting for their end (a process that printed without a newline). */
  flushPartials(): TermLine[] {
    const out: TermLine[] = [];
    for (const p of this.#partials.values()) out.push(workerLine(p.worker, p.pid, p.stream, p.text));
    this.#partials.clear();
    return out;
  }

  #one(e: RunEvent, out: TermLine[]): void {
    switch (e.type) {
      case 'run-started':
        out.push({
          kind: 'info',
          tag: null,
          worker: null,
          stream: 'stdout',
          text: describeRun(e),
          tone: 'dim',
        });
        return;
      case 'output':
        this.#output(e.worker, e.pid, e.stream, e.text, out);
        return;
      case 'driver': {
        const text = e.text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
        if (SUMMARY.test(text)) {
          out.push(...this.flushPartials());
          out.push({
            kind: 'summary',
            tag: null,
            worker: null,
            stream: 'stdout',
            text: sanitize(text),
            tone: text.startsWith('Done') ? 'good' : 'bad',
          });
          return;
        }
        for (const line of text.split('\n')) {
          out.push({ kind: 'driver', tag: 'caller', worker: null, stream: e.stream, text: sanitize(line) });
        }
        return;
      }
      case 'notice':
        out.push(...this.flushPartials());
        out.push(notice(sanitize(e.text), e.tone === 'warning' ? 'bad' : 'dim'));
        return;
      case 'output-truncated':
        out.push(
          notice(
            e.dropped === 0
              ? 'Output limit reached: further worker output is not shown.'
              : `${e.dropped.toLocaleString('en')} more line${e.dropped === 1 ? '' : 's'} of worker output were not shown.`,
            'dim',
          ),
        );
        return;
      case 'worker-exited': {
        const text = exitText(e.reason, e.code, e.signal);
        if (text) {
          out.push({
            kind: 'notice',
            tag: e.pid === null ? 'worker' : String(e.pid),
            worker: e.worker,
            stream: 'stderr',
            text,
            tone: e.reason === 'recycled' ? 'dim' : 'bad',
          });
        }
        return;
      }
      case 'run-finished':
        out.push(...this.flushPartials());
        return;
      default:
        return;
    }
  }

  #output(
    worker: number | null,
    pid: number | null,
    stream: 'stdout' | 'stderr',
    raw: string,
    out: TermLine[],
  ): void {
    const key = `${pid ?? '?'}:${stream}`;
    const pending = this.#partials.get(key);
    const text = (pending ? pending.text : '') + raw.replace(/\r\n/g, '\n');
    const parts = text.split('\n');
    const last = parts.pop()!;
    for (const part of parts) out.push(workerLine(worker, pid, stream, part));
    if (last === '') this.#partials.delete(key);
    else this.#partials.set(key, { worker, pid, stream, text: last });
  }
}

function workerLine(
  worker: number | null,
  pid: number | null,
  stream: 'stdout' | 'stderr',
  text: string,
): TermLine {
  // A carriage return rewrites the line in a real terminal: keep what would be left.
  const shown = text.includes('\r') ? text.slice(text.lastIndexOf('\r') + 1) : text;
  return {
    kind: 'worker',
    tag: pid === null ? 'worker' : String(pid),
    worker,
    stream,
    text: sanitize(shown),
  };
}

function notice(text: string, tone: TermLine['tone']): TermLine {
  return { kind: 'notice', tag: null, worker: null, stream: 'stdout', text, tone };
}

function exitText(reason: string, code: number | null, signal: string | null): string | null {
  const how = signal !== null ? `killed by ${signal}` : code !== null ? `exit code ${code}` : 'no exit code';
  switch (reason) {
    case 'crash':
      return `process ended unexpectedly (${how})`;
    case 'oom':
      return `process ran out of memory (${how})`;
    case 'init-failed':
      return `the initializer failed, so the process stopped (${how})`;
    case 'recycled':
      return 'process exited: it ran its max tasks per child (the pool starts a new one if there is more work)';
    default:
      return null;
  }
}

function describeRun(e: Extract<RunEvent, { type: 'run-started' }>): string {
  const { spec } = e;
  // Which runtime ran it: for Python, the version and build (GIL or free-threaded).
  const under = e.runtime ? ` · ${e.runtime.name}` : '';
  if (spec.kind === 'program') {
    return spec.language === 'python'
      ? `▶ main.py, as written${under}`
      : `▶ main.ts: main() in a driver process${under}`;
  }
  const tasks = `${e.taskCount} task${e.taskCount === 1 ? '' : 's'}`;
  if (spec.mode === 'serial')
    return `▶ ${spec.fn}() over ${spec.inputs.trim()}: serial baseline, one process, ${tasks}${under}`;
  const chunks = spec.mode === 'map' && spec.chunksize > 1 ? `, chunksize ${spec.chunksize}` : '';
  const workers = `${spec.maxWorkers} worker${spec.maxWorkers === 1 ? '' : 's'}`;
  const start = spec.language === 'python' && spec.startMethod ? `, start method ${spec.startMethod}` : '';
  return `▶ ${spec.fn}() over ${spec.inputs.trim()} with ${spec.mode}: ${workers}${chunks}, ${tasks}${under}${start}`;
}
