/**
 * What the host says about the code in the editor: its syntax problems
 * (shown as editor markers) and the names it exports (the function picker's
 * choices). Checked a moment after each edit, and again by every Run.
 */
import type { Diagnostic } from '../../../shared/api';
import { CODE_TOO_LONG } from '../../../shared/limits';
import { ObservableStore } from '../store/observable-store';

export class CodeCheckStore extends ObservableStore {
  /** The module's export names from the last check that compiled (null before the first). */
  exports: readonly string[] | null = null;
  /** Code diagnostics to mark in the editor. */
  diagnostics: readonly Diagnostic[] = [];
  /** The last check failed to compile, so `exports` may be out of date. */
  stale = false;
  /** What the last check was about: the code and what it was checked as (check-code.ts's checkKey). */
  checkedKey: string | null = null;
  /** That code is over the size limit, so it was not checked. */
  isTooLong = false;

  checked(key: string, diagnostics: readonly Diagnostic[], exports: readonly string[]): void {
    this.checkedKey = key;
    this.isTooLong = false;
    this.diagnostics = diagnostics;
    if (diagnostics.length === 0) {
      this.exports = exports;
      this.stale = false;
    } else {
      this.stale = true;
    }
    this.changed();
  }

  /** The code is over the size limit: one problem, the limit's own message; exports stay as they were. */
  tooLong(key: string): void {
    this.checked(key, [{ source: 'code', message: CODE_TOO_LONG }], []);
    this.isTooLong = true;
  }

  /** Diagnostics from a Run that did not start (code ones get markers). */
  runDiagnostics(diagnostics: readonly Diagnostic[]): void {
    const code = diagnostics.filter((d) => d.source === 'code' && d.line !== undefined);
    if (code.length === 0 && this.diagnostics.length === 0) return;
    this.diagnostics = code;
    this.changed();
  }
}
