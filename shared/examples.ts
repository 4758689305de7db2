/**
 * The examples gallery, as a course: each example is a lesson about one idea
 * of process pools (a group, an id, its code, language, settings and note),
 * in the order they are taught. The seed's three examples (Python's
 * ProcessPoolExecutor with submit, map and as_completed) are among them,
 * exactly as the seed has them. Adding a lesson is adding an entry to its
 * group's list (shared/examples-course/*.ts).
 */
import { GETTING_RESULTS } from './examples-course/results';
import { INSIDE_THE_POOL } from './examples-course/inside-the-pool';
import { LIMITS_OF_SPEEDUP } from './examples-course/limits';
import { SHUTTING_DOWN } from './examples-course/shutting-down';
import { EXAMPLE_GROUPS, type Example, type ExampleGroupId } from './examples-course/types';
import { WHEN_THINGS_GO_WRONG } from './examples-course/failures';
import { WHY_PROCESSES } from './examples-course/why-processes';
import { WHOLE_PROGRAMS } from './examples-course/whole-programs';
import type { RunSpec } from './run-spec';

export {
  EXAMPLE_GROUPS,
  type Example,
  type ExampleGroupId,
  type ExampleLanguage,
} from './examples-course/types';

/** Every example, in course order (group by group). */
export const EXAMPLES: readonly Example[] = [
  ...WHY_PROCESSES,
  ...GETTING_RESULTS,
  ...INSIDE_THE_POOL,
  ...WHEN_THINGS_GO_WRONG,
  ...SHUTTING_DOWN,
  ...LIMITS_OF_SPEEDUP,
  ...WHOLE_PROGRAMS,
];

/** The examples of each group, in course order. */
export function examplesByGroup(): { id: ExampleGroupId; title: string; examples: Example[] }[] {
  return EXAMPLE_GROUPS.map((group) => ({
    ...group,
    examples: EXAMPLES.filter((e) => e.group === group.id),
  }));
}

/** The example the workspace was loaded from, if any. */
export function findExample(id: string | null | undefined): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}

/** The lesson after `id` in the course, or undefined after the last. */
export function nextExample(id: string | null | undefined): Example | undefined {
  const index = EXAMPLES.findIndex((e) => e.id === id);
  return index < 0 ? undefined : EXAMPLES[index + 1];
}

const normalise = (code: string): string => code.replace(/\r\n/g, '\n').trim();

/** The same code, but for line endings and surrounding blank lines. */
export function sameCode(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}

/** True when `code` is some example's code as shipped. */
export function isExampleCode(code: string): boolean {
  return EXAMPLES.some((e) => sameCode(e.code, code));
}

/** The settings that decide what a run shows (everything of the spec but the code). */
export type LessonSettings = Omit<RunSpec, 'code'>;

/**
 * The run-bar settings the learner has changed from the example's, by name
 * (empty when none): a lesson's note describes the example as shipped.
 */
export function changedSettings(example: Example, spec: LessonSettings): (keyof LessonSettings)[] {
  const changed: (keyof LessonSettings)[] = [];
  for (const key of Object.keys(example.spec) as (keyof LessonSettings)[]) {
    if (JSON.stringify(example.spec[key]) !== JSON.stringify(spec[key])) changed.push(key);
  }
  return changed;
}
