/**
 * The saved workspace: what the editor held and how the run bar was set.
 * Checked when loaded (a hand-edited or older file must not break the app;
 * an older version is upgraded, see saved-format.ts) and when the host is
 * asked to save it.
 */
import { z } from 'zod';
import type { Workspace } from './api';
import { findExample, EXAMPLES } from './examples';
import { DEFAULT_MEMORY_LIMIT_MB, LIMITS, RUN_MODES } from './run-spec';
import { readSaved, type SavedFormat } from './saved-format';

/** The workspace format this version writes. */
export const WORKSPACE_VERSION = 2;

const specSchema = z.object({
  fn: z.string().max(200),
  mode: z.enum(RUN_MODES),
  inputs: z.string().max(200_000),
  maxWorkers: z.number(),
  chunksize: z.number(),
  timeoutSec: z.number().nullable(),
  initializer: z.string().max(200).nullable(),
  initargs: z.string().max(10_000),
  maxTasksPerChild: z.number().nullable(),
  memoryLimitMb: z.number().nullable(),
});

export const workspaceSchema = z.object({
  version: z.literal(WORKSPACE_VERSION),
  code: z.string().max(LIMITS.maxCodeChars),
  spec: specSchema,
  exampleId: z.string().max(100).nullable(),
  theme: z.enum(['dark', 'light']),
  layout: z.record(z.string(), z.array(z.number())),
  prediction: z.object({ wallSec: z.number().nullable(), order: z.string().max(2000).nullable() }),
  savedAt: z.number(),
}) satisfies z.ZodType<Workspace>;

export function defaultWorkspace(exampleId = EXAMPLES[0]!.id): Workspace {
  const example = findExample(exampleId) ?? EXAMPLES[0]!;
  return {
    version: WORKSPACE_VERSION,
    code: example.code,
    spec: { ...example.spec },
    exampleId: example.id,
    theme: 'dark',
    layout: {},
    prediction: { wallSec: null, order: null },
    savedAt: 0,
  };
}

export const WORKSPACE_FORMAT: SavedFormat<Workspace> = {
  what: 'the workspace',
  version: WORKSPACE_VERSION,
  unversioned: 1,
  migrations: {
    // Format 2 added the per-worker memory cap: an older workspace gets the default cap.
    1: (doc) => ({ ...doc, spec: { ...(doc.spec as object), memoryLimitMb: DEFAULT_MEMORY_LIMIT_MB } }),
  },
  schema: workspaceSchema,
};

/** A stored workspace in the current format (upgraded if older), or null if it is not one. */
export function readWorkspace(stored: unknown): Workspace | null {
  const read = readSaved(WORKSPACE_FORMAT, stored);
  return read.ok ? read.value : null;
}

/** A usable workspace from whatever was stored (null or invalid → the first example). */
export function restoreWorkspace(stored: unknown): Workspace {
  return readWorkspace(stored) ?? defaultWorkspace();
}
