/** Host diagnostics as Monaco markers, at their line and column. */
import type { editor } from 'monaco-editor';
import type { Diagnostic } from '../../../shared/api';
import type { Monaco } from './monaco-setup';

export const MARKER_OWNER = 'pool-host';

export function toMarkers(
  monaco: Monaco,
  model: editor.ITextModel,
  diagnostics: readonly Diagnostic[],
): editor.IMarkerData[] {
  const lastLine = model.getLineCount();
  return diagnostics
    .filter((d) => d.source === 'code')
    .map((d) => {
      const line = Math.min(Math.max(1, d.line ?? 1), lastLine);
      const maxColumn = model.getLineMaxColumn(line);
      const column = Math.min(Math.max(1, d.column ?? 1), maxColumn);
      const endLine = Math.min(Math.max(line, d.endLine ?? line), lastLine);
      let endColumn = Math.min(Math.max(1, d.endColumn ?? column + 1), model.getLineMaxColumn(endLine));
      if (endLine === line && endColumn <= column) endColumn = Math.min(column + 1, maxColumn);
      return {
        severity: monaco.MarkerSeverity.Error,
        message: d.message,
        source: 'Pool Playground',
        startLineNumber: line,
        startColumn: column,
        endLineNumber: endLine,
        endColumn,
      };
    });
}
