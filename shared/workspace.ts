/**
 * The saved workspace: what the editor held and how the run bar was set.
 * Checked when loaded (a hand-edited or older file must not break the app)
 * and when the host is asked to save it.
 */
import { z } from 'zod';
import type { Workspace } from './api';
import { findExample, EXAMPLES } from './examples';
import { LIMITS, RUN_MODES } from './run-spec';

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
});

export const workspaceSchema = z.object({
  version: z.literal(1),
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
    version: 1,
    code: example.code,
    spec: { ...example.spec },
    exampleId: example.id,
    theme: 'dark',
    layout: {},
    prediction: { wallSec: null, order: null },
    savedAt: 0,
  };
}

/** A usable workspace from whatever was stored (null or invalid → the first example). */
export function restoreWorkspace(stored: unknown): Workspace {
  const parsed = workspaceSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultWorkspace();
}
