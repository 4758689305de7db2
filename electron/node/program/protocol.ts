/**
 * The messages between the host and a whole TypeScript program's driver
 * process. The driver runs the learner's code, so what it sends is checked
 * like anything else from outside: a message of the wrong shape is dropped.
 */
import { z } from 'zod';
import type { RunEvent } from '../../../shared/run-events';

/** Host → driver: what to run, and how to start its workers. */
export interface StartMessage {
  t: 'start';
  runId: string;
  /** Epoch ms at the run's t = 0 (both processes share the wall clock). */
  epoch: number;
  /** The bundled program (file: URL): the driver calls its main(), workers look its tasks up. */
  moduleUrl: string;
  /** The pool's worker entry. */
  workerScript: string;
  workerEnv: Record<string, string>;
  workerCwd: string;
  /** Per-worker memory cap in MB, or null for none. */
  memoryLimitMb: number | null;
}

/** How main() ended. */
export interface EndedMessage {
  t: 'ended';
  ok: boolean;
  /** The error main() threw (its stack names main.ts and its lines). */
  error?: { name: string; message: string; stack: string };
}

/** A batch of the run's log, recorded in the driver. */
export interface EventsMessage {
  t: 'events';
  events: RunEvent[];
}

export type DriverMessage = EventsMessage | EndedMessage;

const MAX_BATCH = 50_000;

export const driverMessageSchema = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('events'),
    // Each event is checked for its kind and time (as saved runs are); the views fold them defensively.
    events: z.array(z.looseObject({ type: z.string().max(40), t: z.number() })).max(MAX_BATCH),
  }),
  z.object({
    t: z.literal('ended'),
    ok: z.boolean(),
    error: z
      .object({ name: z.string().max(200), message: z.string().max(10_000), stack: z.string().max(20_000) })
      .optional(),
  }),
]);
