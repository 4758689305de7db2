/**
 * The learner's Python interpreter, found and described once in a while
 * rather than before every keystroke's check and every run: an answer is
 * kept for a few seconds (a newly installed Python is seen soon after).
 */
import { findPython, type FindPythonResult } from '../python';

const KEEP_FOUND_MS = 30_000;
const KEEP_MISSING_MS = 3_000;

const answers = new Map<string, { at: number; result: Promise<FindPythonResult> }>();

/** `python3`, or the interpreter chosen in settings (a command on PATH or a path). */
export function pythonFor(requested: string | null): Promise<FindPythonResult> {
  const key = requested?.trim() || 'python3';
  const now = performance.now();
  const kept = answers.get(key);
  if (kept && now - kept.at < KEEP_MISSING_MS) return kept.result;
  if (kept && now - kept.at < KEEP_FOUND_MS) {
    return kept.result.then((result) => {
      if (result.ok) return result;
      if (answers.get(key) === kept) answers.delete(key);
      return pythonFor(requested);
    });
  }
  const result = findPython(key === 'python3' ? undefined : key);
  answers.set(key, { at: now, result });
  // Only a handful of interpreters are ever asked for; keep the map from growing without end.
  if (answers.size > 20) answers.delete(answers.keys().next().value!);
  return result;
}
