/**
 * What a gallery example is: a lesson about one idea of process pools, with
 * ready code and run settings, and a note written for exactly those.
 */
import type { RunSpec } from '../run-spec';

/** The course's chapters, in the order they are taught. */
export const EXAMPLE_GROUPS = [
  { id: 'why', title: '1 · Why processes' },
  { id: 'results', title: '2 · Getting results back' },
  { id: 'inside', title: '3 · Inside the pool' },
  { id: 'failures', title: '4 · When things go wrong' },
  { id: 'shutdown', title: '5 · Shutting down' },
  { id: 'limits', title: '6 · Limits of speedup' },
  { id: 'programs', title: '7 · Whole programs' },
] as const;

export type ExampleGroupId = (typeof EXAMPLE_GROUPS)[number]['id'];

/** The language of an example's code (the same as its spec's). */
export type ExampleLanguage = 'typescript' | 'python';

export interface Example {
  id: string;
  group: ExampleGroupId;
  /** The idea it teaches, in a few words (the card's heading). */
  concept: string;
  title: string;
  /** One line for the gallery card. */
  summary: string;
  /**
   * What to look for, shown beside the run: true of a run of exactly this
   * code and these settings (an end-to-end test checks each against its run),
   * whatever the machine — facts that depend on the machine are left to the
   * "What happened" line, which is measured from the run itself.
   */
  lookFor: string;
  language: ExampleLanguage;
  code: string;
  spec: Omit<RunSpec, 'code'>;
}
