/**
 * Why the last Run did not start (code with line and column, inputs,
 * settings), or what went wrong reaching the host. Code problems jump to
 * their line. Dismissable; the next Run clears it too. The code is never touched.
 */
import { fileNameOf } from '../../../shared/code-slots';
import { focusEditorAt } from '../editor/editor-bridge';
import { useApp } from '../app/app-context';
import { useCodeKind, useLanguage } from '../app/hooks';
import type { Problem } from './problems-store';
import { useStoreVersion } from '../store/use-store';

const SOURCE_LABEL: Record<Exclude<Problem['source'], 'code'>, string> = {
  inputs: 'Inputs',
  initargs: 'Initializer arguments',
  settings: 'Settings',
  host: 'Host',
};

export function ProblemsStrip() {
  const { problems } = useApp();
  useStoreVersion(problems);
  const codeFile = fileNameOf(useLanguage(), useCodeKind());
  const label = (source: Problem['source']): string => (source === 'code' ? codeFile : SOURCE_LABEL[source]);
  const list = problems.problems;
  if (list.length === 0) return null;
  const hostOnly = list.every((p) => p.source === 'host');
  return (
    <section className="problems" role="alert" aria-label="Problems" data-testid="problems">
      <div className="problems__head">
        <strong>
          {hostOnly
            ? 'The host could not be reached'
            : `${list.length} problem${list.length === 1 ? '' : 's'}: nothing was run`}
        </strong>
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={() => problems.clear()}
          aria-label="Dismiss problems"
        >
          Dismiss
        </button>
      </div>
      <ul className="problems__list">
        {list.map((p, i) => (
          <li key={i} data-testid="problem" data-source={p.source}>
            {(p.source === 'code' || p.source === 'host') && (
              <span className="problems__source">
                {label(p.source)}
                {p.line !== undefined && p.source === 'code' ? ` ${p.line}:${p.column ?? 1}` : ''}
              </span>
            )}
            {p.source === 'code' && p.line !== undefined ? (
              <button
                type="button"
                className="problems__jump"
                onClick={() => focusEditorAt(p.line!, p.column ?? 1)}
              >
                {p.message}
              </button>
            ) : (
              <span className="problems__message">{p.message}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
