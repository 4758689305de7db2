/**
 * "What to look for": the chosen example's hint, beside the timeline it is
 * about. Once the code is edited the hint may no longer fit, so it starts
 * folded (and says so). A reopened run shows the hint of the example whose
 * code it ran, if any.
 */
import { useState } from 'react';
import { EXAMPLES, findExample } from '../../../shared/examples';
import { sameCode } from '../gallery/load-example';
import { useCode, useCodeKind, useExampleId, useLanguage } from '../app/hooks';

export function LookFor({ code: runCode }: { code?: string }) {
  const exampleId = useExampleId();
  const editorCode = useCode();
  const language = useLanguage();
  const kind = useCodeKind();
  const code = runCode ?? editorCode;
  // The example loaded last is only about the editor's code while the editor shows its language and kind.
  const loaded = findExample(exampleId);
  const current =
    loaded && loaded.spec.language === language && loaded.spec.kind === kind ? loaded : undefined;
  const example = runCode !== undefined ? EXAMPLES.find((e) => sameCode(e.code, runCode)) : current;
  const edited = example ? !sameCode(code, example.code) : false;
  const [choice, setChoice] = useState<{ example: string | null; open: boolean } | null>(null);
  if (!example) return null;
  const open = choice && choice.example === example.id ? choice.open : !edited;
  return (
    <aside className="look-for" aria-label="What to look for" data-testid="look-for">
      <button
        type="button"
        className="look-for__toggle"
        aria-expanded={open}
        onClick={() => setChoice({ example: example.id, open: !open })}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> What to look for
        <span className="look-for__example">
          {' '}
          · {example.title}
          {edited ? ' (you have edited its code)' : ''}
        </span>
      </button>
      {open && (
        <p className="look-for__text" title={example.lookFor}>
          {example.lookFor}
        </p>
      )}
    </aside>
  );
}
