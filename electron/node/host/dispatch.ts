/**
 * Calls a PlaygroundApi method on a client's service with arguments that came
 * from outside (a WebSocket frame, an IPC message): the method must exist
 * and the arguments must have the right shape, or the call is refused.
 */
import { z } from 'zod';
import { API_METHODS, type ApiMethod } from '../../../shared/api';
import { CODE_TOO_LONG, MAX_CODE_CHARS } from '../../../shared/limits';
import { CODE_KINDS, LANGUAGES, MAX_INTERPRETER_CHARS } from '../../../shared/run-spec';
import { runMetaShape } from '../../../shared/saved-run';
import { workspaceSchema } from '../../../shared/workspace';
import type { ServiceApi } from './service';

const id = z.string().max(100);
/** The optional facts kept with a run (startRun's second argument): the same shape a saved run keeps. */
export const runMetaSchema = runMetaShape.optional();

/** The arguments each method accepts from outside. */
export const API_PARAMS: Record<ApiMethod, z.ZodType<unknown[]>> = {
  getInfo: z.tuple([]),
  checkCode: z.tuple([
    z.string().max(MAX_CODE_CHARS, CODE_TOO_LONG),
    z
      .object({
        language: z.enum(LANGUAGES),
        kind: z.enum(CODE_KINDS),
        python: z.string().max(MAX_INTERPRETER_CHARS).nullable(),
      })
      .optional(),
  ]),
  pythonStatus: z.tuple([z.string().max(MAX_INTERPRETER_CHARS).nullable()]),
  // The spec is the service's to check: its problems come back as diagnostics.
  startRun: z.tuple([z.unknown(), runMetaSchema]),
  stopRun: z.tuple([id]),
  shutdownRun: z.tuple([id]),
  loadWorkspace: z.tuple([]),
  saveWorkspace: z.tuple([workspaceSchema]),
  listRuns: z.tuple([]),
  getRun: z.tuple([id]),
  renameRun: z.tuple([id, z.string().max(1000)]),
  deleteRun: z.tuple([id]),
  dataNotices: z.tuple([]),
  dismissDataNotice: z.tuple([id]),
};

export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && (API_METHODS as readonly string[]).includes(method);
}

export class BadRequest extends Error {}

export async function dispatch(service: ServiceApi, method: unknown, params: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw new BadRequest(`unknown method ${describe(method)}`);
  const parsed = API_PARAMS[method].safeParse(Array.isArray(params) ? trimUndefined(params) : params);
  if (!parsed.success)
    throw new BadRequest(`bad arguments for ${method}: ${parsed.error.issues[0]?.message ?? ''}`);
  const args = parsed.data;
  const call = service[method] as (...a: unknown[]) => Promise<unknown>;
  return call.apply(service, args);
}

/** A name from outside, short and safe to print (whatever its type). */
function describe(value: unknown): string {
  if (typeof value !== 'string') return `(${value === null ? 'null' : typeof value})`;
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/** Optional trailing arguments may arrive as undefined (IPC) or be absent (JSON). */
function trimUndefined(params: unknown[]): unknown[] {
  const out = [...params];
  while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
  return out;
}
