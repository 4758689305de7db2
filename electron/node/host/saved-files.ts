/**
 * The shapes of the history's files on disk, checked whenever one is read:
 * each run (`runs/<id>.json`, the source of truth; its format is shared with
 * runs exported as files, see shared/saved-run.ts) and the index
 * (`runs/index.json`, a cache of the runs' summaries that is rebuilt from the
 * run files whenever it is missing, damaged or out of date). Versions and
 * migrations work as described in shared/saved-format.ts.
 */
import { z } from 'zod';
import type { SavedRunSummary } from '../../../shared/api';
import type { SavedFormat } from '../../../shared/saved-format';
import { summaryShape } from '../../../shared/saved-run';

export {
  RUN_FILE_FORMAT,
  RUN_FILE_VERSION,
  RUN_ID,
  summaryOf,
  type RunFile,
} from '../../../shared/saved-run';

/** What the index remembers of a run file, to know when it must be read again. */
export interface IndexEntry {
  summary: SavedRunSummary;
  size: number;
  mtimeMs: number;
}

/** 2: summaries carry the run's timing (an index without it is rebuilt from the run files). */
export const INDEX_VERSION = 2;

const timingSchema = z.object({
  cpus: z.number(),
  loadAverage: z.number().nullable(),
  medianItemMs: z.number().nullable(),
  peakWorkers: z.number(),
});

const indexSchema = z.object({
  version: z.literal(INDEX_VERSION),
  runs: z.array(
    z.object({
      summary: z.object({ ...summaryShape, timing: timingSchema }),
      size: z.number(),
      mtimeMs: z.number(),
    }),
  ),
});

export interface IndexFile {
  version: typeof INDEX_VERSION;
  runs: IndexEntry[];
}

/** The index is a cache: an older or unreadable one is simply rebuilt, so it has no migrations. */
export const INDEX_FORMAT: SavedFormat<IndexFile> = {
  what: 'the history index',
  version: INDEX_VERSION,
  unversioned: 0,
  migrations: {},
  schema: indexSchema as unknown as z.ZodType<IndexFile>,
};
