/**
 * Which lesson is on screen and whether its note still describes it: the
 * example the workspace (or a reopened run) was loaded from, its place in the
 * course, and what the learner has changed since — the code, or settings by
 * name. A note is true only of its example as shipped.
 */
import {
  changedSettings,
  EXAMPLE_GROUPS,
  EXAMPLES,
  findExample,
  nextExample,
  sameCode,
  type Example,
  type LessonSettings,
} from '../../../shared/examples';

export interface Lesson {
  example: Example;
  /** 1-based place in the course, and how many lessons there are. */
  number: number;
  total: number;
  chapter: string;
  next: Example | undefined;
  /** What differs from the example as shipped, in words ("the code", "max workers"); empty if nothing. */
  changes: string[];
}

const SETTING_WORDS: Record<keyof LessonSettings, string> = {
  fn: 'the function',
  mode: 'the mode',
  inputs: 'the inputs',
  maxWorkers: 'max workers',
  chunksize: 'the chunksize',
  timeoutSec: 'the timeout',
  initializer: 'the initializer',
  initargs: 'the initializer’s arguments',
  maxTasksPerChild: 'max tasks per child',
  memoryLimitMb: 'the memory per worker',
  shutdown: 'the shutdown settings',
  language: 'the language',
  kind: 'what the editor holds',
  startMethod: 'the start method',
  python: 'the Python interpreter',
};

export function lessonOf(
  exampleId: string | null | undefined,
  code: string,
  spec: LessonSettings,
): Lesson | null {
  const example = findExample(exampleId);
  if (!example) return null;
  const changes = [
    ...(sameCode(code, example.code) ? [] : ['the code']),
    ...changedSettings(example, spec).map((key) => SETTING_WORDS[key]),
  ];
  return {
    example,
    number: EXAMPLES.indexOf(example) + 1,
    total: EXAMPLES.length,
    chapter: EXAMPLE_GROUPS.find((g) => g.id === example.group)?.title ?? '',
    next: nextExample(example.id),
    changes,
  };
}

/** The example a saved run was made from: the one it names, else one whose code and settings it has. */
export function exampleOfRun(
  exampleId: string | undefined,
  code: string,
  spec: LessonSettings,
): string | null {
  if (exampleId && findExample(exampleId)) return exampleId;
  const match = EXAMPLES.find((e) => sameCode(e.code, code) && changedSettings(e, spec).length === 0);
  return match?.id ?? null;
}

/** "the code, max workers and the inputs" */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}
