/**
 * Saved files (the workspace, each run in the history, the history index)
 * carry a schema version. A file written by an older version of the app is
 * upgraded step by step when it is read — never set aside as corrupt — and
 * then checked against the current schema.
 *
 * Adding a field to a saved file is one function: bump `version`, and add
 * `migrations[old version]`, which turns a document of that version into the
 * next one (usually by giving the new field the value that describes what
 * the old file meant).
 */
import type { z } from 'zod';

/** Turns a document of version n (already parsed, version field included) into version n + 1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export interface SavedFormat<T> {
  /** What the file is, for messages: "the workspace", "a saved run". */
  what: string;
  /** The version this app writes. */
  version: number;
  /** The version of a document without a `version` field (files from before versions existed). */
  unversioned: number;
  /** migrations[n]: version n → n + 1, for every n from the oldest readable version up. */
  migrations: Readonly<Record<number, Migration>>;
  /** The current shape, `version` included. */
  schema: z.ZodType<T>;
}

export type ReadResult<T> =
  | { ok: true; value: T; migratedFrom: number | null }
  /** Written by a newer version of the app: leave it alone. */
  | { ok: false; newer: true; version: number; message: string }
  | { ok: false; newer: false; message: string };

export function readSaved<T>(format: SavedFormat<T>, raw: unknown): ReadResult<T> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, newer: false, message: `${format.what} is not a JSON object` };
  }
  let doc = raw as Record<string, unknown>;
  const version = doc.version ?? format.unversioned;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, newer: false, message: `${format.what} has no valid version number` };
  }
  if (version > format.version) {
    return {
      ok: false,
      newer: true,
      version,
      message: `${format.what} was saved by a newer version of Pool Playground (format ${version}; this one reads up to ${format.version})`,
    };
  }
  for (let v = version; v < format.version; v++) {
    const step = format.migrations[v];
    if (!step) {
      return { ok: false, newer: false, message: `${format.what} has format ${v}, which cannot be upgraded` };
    }
    try {
      doc = { ...step(doc), version: v + 1 };
    } catch (error) {
      return {
        ok: false,
        newer: false,
        message: `${format.what} could not be upgraded from format ${v}: ${String(error)}`,
      };
    }
  }
  const parsed = format.schema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return {
      ok: false,
      newer: false,
      message: `${format.what} does not have the expected shape${where}: ${issue?.message ?? 'invalid'}`,
    };
  }
  return { ok: true, value: parsed.data, migratedFrom: version === format.version ? null : version };
}
