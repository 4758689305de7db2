/**
 * How much text the hosts accept, defined once: the run spec, the saved
 * workspace, `checkCode`, the browser host's WebSocket frames and the
 * renderer's own checks before sending all derive from these numbers, so a
 * message the app can legally build always fits, and the same code is
 * accepted (or refused with the same words) everywhere.
 */

/** The task module or program, in characters (UTF-16 code units, as `string.length` counts). */
export const MAX_CODE_CHARS = 500_000;
/**
 * How many pieces of code one workspace may hold: the code on screen, and a
 * stash with room for one per language (TypeScript, Python) and kind (tasks,
 * whole program) — see shared/code-slots.ts.
 */
export const CODE_PIECES_KEPT = 5;
/** The inputs expression, in characters. */
export const MAX_INPUTS_CHARS = 200_000;
/** The initializer's arguments expression, in characters. */
export const MAX_INITARGS_CHARS = 10_000;
/** A function name (the task, the initializer). */
export const MAX_NAME_CHARS = 200;

/** The message every host and the renderer give for code over the limit. */
export const CODE_TOO_LONG = `The code is longer than ${MAX_CODE_CHARS.toLocaleString('en')} characters, the most the playground checks, runs or saves. Shorten it (build large data inside the task instead of pasting it).`;

export function isCodeTooLong(code: string): boolean {
  return code.length > MAX_CODE_CHARS;
}

export const INPUTS_TOO_LONG = `The inputs are longer than ${MAX_INPUTS_CHARS.toLocaleString('en')} characters, the most the playground takes. Write long lists as range(n) or [x] * n.`;
export const INITARGS_TOO_LONG = `The initializer arguments are longer than ${MAX_INITARGS_CHARS.toLocaleString('en')} characters, the most the playground takes.`;

/**
 * Worst case of JSON for one UTF-16 code unit: a control character or a lone
 * surrogate is written as `\uXXXX` (6 bytes); everything else takes at most 3.
 */
const JSON_BYTES_PER_CHAR = 6;
/**
 * Every other string and number a request may carry besides the three big
 * texts — names, ids, the prediction, pane sizes, settings, the JSON
 * around them — in characters, with room to spare. A test builds the
 * largest legal request of every kind and checks it fits.
 */
const OTHER_CHARS = 8_000;

/**
 * The largest message a browser-host client may send, in bytes: a workspace
 * (every piece of code it keeps) with every text at its limit, all of it
 * escaped. Anything larger is not a legal request, so the host refuses it
 * unread.
 */
export const MAX_MESSAGE_BYTES =
  JSON_BYTES_PER_CHAR *
  (CODE_PIECES_KEPT * MAX_CODE_CHARS + MAX_INPUTS_CHARS + MAX_INITARGS_CHARS + OTHER_CHARS);
