/** The run's state in a few words, for the status bar. */
import { formatSeconds } from '../../../shared/timeline-scale';
import type { RunSession } from '../run/run-session';

export type Tone = 'idle' | 'running' | 'ok' | 'bad' | 'stopped';

export interface RunStatus {
  tone: Tone;
  text: string;
  /** A short explanation (the whole message is in `full` and in the terminal). */
  detail: string | null;
  full?: string | null;
}

export function runStatus(session: RunSession): RunStatus {
  const { model } = session;
  switch (session.phase) {
    case 'idle':
      return { tone: 'idle', text: 'Ready', detail: null };
    case 'starting':
      return { tone: 'running', text: 'Starting…', detail: null };
    case 'running':
      return { tone: 'running', text: 'Running', detail: null };
    case 'finished':
      break;
  }
  const outcome = session.outcome;
  const message = model.finish?.message ?? session.lostMessage ?? null;
  const wall = model.finish ? formatSeconds(model.finish.wallMs) : null;
  switch (outcome) {
    case 'ok':
      return { tone: 'ok', text: `Finished in ${wall}`, detail: null };
    case 'stopped':
      return { tone: 'stopped', text: `Stopped after ${wall}`, detail: null };
    case 'error':
      return { tone: 'bad', text: 'Failed', detail: message };
    case 'broken':
      return {
        tone: 'bad',
        text: 'Broken pool',
        detail: brokenDetail(message ?? model.brokenMessage),
        full: message,
      };
    case 'timeout':
      return { tone: 'bad', text: 'Timed out', detail: message };
    case 'lost':
      return { tone: 'bad', text: 'Connection lost', detail: message };
    default:
      return { tone: 'idle', text: 'Ready', detail: null };
  }
}

/** The cause of a broken pool, short: `BrokenProcessPool: worker process 5194 exited with code 1`. */
function brokenDetail(message: string | null): string | null {
  if (!message) return null;
  const cause = /worker process \S+ [^.]*/.exec(message)?.[0];
  const name = /^(\w+):/.exec(message)?.[1] ?? 'BrokenProcessPool';
  return cause ? `${name}: ${cause}` : message;
}
