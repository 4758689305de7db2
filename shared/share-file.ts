/**
 * Sharing a lesson: a run, a comparison or a workspace saved as a file by
 * one person and opened in another's app. The files are the saved formats
 * themselves — a run is a saved run file, a workspace the saved workspace —
 * marked with what they are, and they are read with the same schemas and
 * migrations (saved-run.ts, workspace.ts), so a file from an older version
 * opens and a bad one gets a message saying what is wrong.
 */
import { z } from 'zod';
import type { SavedRun, Workspace } from './api';
import { readSaved } from './saved-format';
import { RUN_FILE_FORMAT, RUN_FILE_VERSION } from './saved-run';
import { WORKSPACE_FORMAT } from './workspace';

/** The field that says what a shared file is. */
export const SHARE_MARK = 'poolPlayground';
/** The comparison file's own format (its runs have theirs). */
export const COMPARISON_VERSION = 1;
/** Larger files are refused before they are read (a run of many thousand tasks is a few MB). */
export const MAX_SHARED_FILE_BYTES = 200 * 1024 * 1024;
/** At most this many runs in one comparison. */
export const MAX_SHARED_RUNS = 50;

export type SharedFile =
  | { kind: 'run'; run: SavedRun }
  | { kind: 'comparison'; runs: SavedRun[] }
  | { kind: 'workspace'; workspace: Workspace };

export type SharedRead = { ok: true; file: SharedFile } | { ok: false; message: string };

export function shareRun(run: SavedRun): string {
  return JSON.stringify({ [SHARE_MARK]: 'run', version: RUN_FILE_VERSION, ...run });
}

export function shareComparison(runs: readonly SavedRun[]): string {
  return JSON.stringify({
    [SHARE_MARK]: 'comparison',
    version: COMPARISON_VERSION,
    runs: runs.map((run) => ({ version: RUN_FILE_VERSION, ...run })),
  });
}

export function shareWorkspace(workspace: Workspace): string {
  return JSON.stringify({ [SHARE_MARK]: 'workspace', ...workspace }, null, 2);
}

const comparisonShape = z.object({
  version: z.literal(COMPARISON_VERSION),
  runs: z
    .array(z.unknown())
    .min(1, 'it holds no runs')
    .max(MAX_SHARED_RUNS, `it holds more than ${MAX_SHARED_RUNS} runs`),
});

/** Read a shared file's text: what it is, checked and upgraded, or what is wrong with it. */
export function readSharedFile(text: string): SharedRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `it is not a JSON file (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { ok: false, message: 'it is not a Pool Playground file (a run, a comparison or a workspace)' };
  }
  const { [SHARE_MARK]: mark, ...rest } = doc as Record<string, unknown>;
  const kind = typeof mark === 'string' ? mark : guessKind(rest);
  switch (kind) {
    case 'run': {
      const run = readRun(rest);
      return run.ok ? { ok: true, file: { kind: 'run', run: run.value } } : run;
    }
    case 'comparison': {
      if (typeof rest.version === 'number' && rest.version > COMPARISON_VERSION) {
        return {
          ok: false,
          message: `it was saved by a newer version of Pool Playground (comparison format ${rest.version})`,
        };
      }
      const shape = comparisonShape.safeParse(rest);
      if (!shape.success)
        return {
          ok: false,
          message: `it is a comparison, but ${shape.error.issues[0]?.message ?? 'not a valid one'}`,
        };
      const runs: SavedRun[] = [];
      for (const [i, raw] of shape.data.runs.entries()) {
        const run = readRun(raw);
        if (!run.ok) return { ok: false, message: `run ${i + 1} of the comparison: ${run.message}` };
        runs.push(run.value);
      }
      return { ok: true, file: { kind: 'comparison', runs } };
    }
    case 'workspace': {
      const read = readSaved(WORKSPACE_FORMAT, rest);
      return read.ok
        ? { ok: true, file: { kind: 'workspace', workspace: read.value } }
        : { ok: false, message: read.message };
    }
    default:
      return {
        ok: false,
        message:
          typeof mark === 'string'
            ? `it is a "${mark.slice(0, 40)}" file, which this version of Pool Playground does not know`
            : 'it is not a Pool Playground file (a run, a comparison or a workspace)',
      };
  }
}

function readRun(raw: unknown): { ok: true; value: SavedRun } | { ok: false; message: string } {
  const read = readSaved(RUN_FILE_FORMAT, raw);
  if (!read.ok) return { ok: false, message: read.message };
  const { version: _version, ...run } = read.value;
  return { ok: true, value: run };
}

/** A file without the mark: a run file from a data folder, or a workspace.json. */
function guessKind(doc: Record<string, unknown>): string | null {
  if (Array.isArray(doc.events)) return 'run';
  if (Array.isArray(doc.runs)) return 'comparison';
  if (typeof doc.code === 'string' && typeof doc.spec === 'object') return 'workspace';
  return null;
}
