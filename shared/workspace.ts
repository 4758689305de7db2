/**
 * The saved workspace: what the editor held and how the run bar was set.
 * Checked when loaded (a hand-edited or older file must not break the app;
 * an older version is upgraded, see saved-format.ts) and when the host is
 * asked to save it.
 */
import { z } from 'zod';
import type { Workspace } from './api';
import { findExample, EXAMPLES } from './examples';
import {
  CODE_TOO_LONG,
  INITARGS_TOO_LONG,
  INPUTS_TOO_LONG,
  MAX_CODE_CHARS,
  MAX_INITARGS_CHARS,
  MAX_INPUTS_CHARS,
  MAX_NAME_CHARS,
} from './limits';
import { CODE_SLOTS } from './code-slots';
import {
  CODE_KINDS,
  DEFAULT_MEMORY_LIMIT_MB,
  DEFAULT_SHUTDOWN,
  LANGUAGES,
  MAX_INTERPRETER_CHARS,
  RUN_MODES,
  shutdownSchema,
  START_METHODS,
} from './run-spec';
import { readSaved, type SavedFormat } from './saved-format';

/** The workspace format this version writes. */
export const WORKSPACE_VERSION = 4;

const specSchema = z.object({
  language: z.enum(LANGUAGES),
  kind: z.enum(CODE_KINDS),
  startMethod: z.enum(START_METHODS).nullable(),
  fn: z.string().max(MAX_NAME_CHARS),
  mode: z.enum(RUN_MODES),
  inputs: z.string().max(MAX_INPUTS_CHARS, INPUTS_TOO_LONG),
  maxWorkers: z.number(),
  chunksize: z.number(),
  timeoutSec: z.number().nullable(),
  initializer: z.string().max(MAX_NAME_CHARS).nullable(),
  initargs: z.string().max(MAX_INITARGS_CHARS, INITARGS_TOO_LONG),
  maxTasksPerChild: z.number().nullable(),
  memoryLimitMb: z.number().nullable(),
  shutdown: shutdownSchema,
});

/** Pane sizes by layout id: a few groups of a few panes (bounded, like every text a host accepts). */
export const MAX_LAYOUT_GROUPS = 16;
const MAX_LAYOUT_PANES = 8;
const layoutSchema = z
  .record(z.string().max(100), z.array(z.number()).max(MAX_LAYOUT_PANES))
  .refine((layout) => Object.keys(layout).length <= MAX_LAYOUT_GROUPS, {
    message: `at most ${MAX_LAYOUT_GROUPS} pane layouts`,
  })
  .meta({ maxProperties: MAX_LAYOUT_GROUPS });

const code = z.string().max(MAX_CODE_CHARS, CODE_TOO_LONG);
/** The code of the other languages and kinds (the one on screen is `code`). */
const stashSchema = z.object(
  Object.fromEntries(CODE_SLOTS.map((slot) => [slot, code.optional()])) as Record<
    (typeof CODE_SLOTS)[number],
    z.ZodOptional<z.ZodString>
  >,
);

export const workspaceSchema = z.object({
  version: z.literal(WORKSPACE_VERSION),
  code,
  spec: specSchema,
  stash: stashSchema,
  /** The Python interpreter chosen in settings (a command or a path); null for `python3`. */
  python: z.string().max(MAX_INTERPRETER_CHARS).nullable(),
  exampleId: z.string().max(100).nullable(),
  theme: z.enum(['dark', 'light']),
  layout: layoutSchema,
  prediction: z.object({ wallSec: z.number().nullable(), order: z.string().max(2000).nullable() }),
  savedAt: z.number(),
}) satisfies z.ZodType<Workspace>;

/** What a first start shows: the seed's first example (submit), not the course's first lesson. */
export const FIRST_EXAMPLE_ID = 'submit';

export function defaultWorkspace(exampleId = FIRST_EXAMPLE_ID): Workspace {
  const example = findExample(exampleId) ?? findExample(FIRST_EXAMPLE_ID) ?? EXAMPLES[0]!;
  // The interpreter is the workspace's own setting, not one of an example's run settings.
  const { python: _interpreter, ...spec } = example.spec;
  return {
    version: WORKSPACE_VERSION,
    code: example.code,
    spec,
    stash: {},
    python: null,
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
    // Format 3 added shutting down early: an older workspace had none.
    2: (doc) => ({ ...doc, spec: { ...(doc.spec as object), shutdown: DEFAULT_SHUTDOWN } }),
    // Format 4 added languages and whole programs: older code is TypeScript tasks, run on Node.
    3: (doc) => ({
      ...doc,
      spec: { ...(doc.spec as object), language: 'typescript', kind: 'tasks', startMethod: null },
      stash: {},
      python: null,
    }),
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
