/**
 * The lesson above the editor: which one it is in the course, its note
 * ("What to look for") while the code and settings are the example's as
 * shipped — and, once the learner changes them, a plain statement that the
 * note describes the original example instead of the note itself. "Reset
 * example" brings the example back; "Next lesson" loads the next one.
 * For a reopened run it is the lesson of that run's code and settings.
 */
import { useState } from 'react';
import { useApp } from '../app/app-context';
import { useCode, useExampleId, useSavedRun, useSpec } from '../app/hooks';
import { focusEditor } from '../editor/editor-bridge';
import { exampleOfRun, lessonOf, listWords } from './lesson-state';
import { hasOwnCode, loadExample } from './load-example';
import { ReplaceConfirm } from './ReplaceConfirm';

export function LessonPanel() {
  const { workspace } = useApp();
  const saved = useSavedRun();
  const liveCode = useCode();
  const liveSpec = useSpec();
  const liveExampleId = useExampleId();
  const [open, setOpen] = useState(true);
  const [confirmNext, setConfirmNext] = useState(false);

  const run = saved?.loaded.run;
  const { code, ...spec } = run ? run.spec : { ...liveSpec, code: liveCode };
  const exampleId = run ? exampleOfRun(run.meta.exampleId, code, spec) : liveExampleId;
  const lesson = lessonOf(exampleId, code, spec);
  if (!lesson) return null;
  const { example, next, changes } = lesson;
  const changed = changes.length > 0;

  const goNext = (): void => {
    if (!next) return;
    setConfirmNext(false);
    loadExample(workspace, next);
    requestAnimationFrame(() => focusEditor());
  };

  return (
    <section className="lesson" aria-label="Lesson" data-testid="lesson" data-example={example.id}>
      <div className="lesson__head">
        <button
          type="button"
          className="lesson__toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          title={lesson.chapter}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          <span>
            Lesson {lesson.number}/{lesson.total} ·
          </span>
          <span className="lesson__title" data-testid="lesson-title">
            {example.title}
          </span>
        </button>
        {!run && (
          <div className="lesson__actions">
            <button
              type="button"
              className="btn btn--ghost btn--small"
              disabled={!changed}
              title={changed ? `Load ${example.title} again as shipped` : 'Nothing changed yet'}
              onClick={() => loadExample(workspace, example)}
              data-testid="lesson-reset"
            >
              Reset example
            </button>
            <button
              type="button"
              className="btn btn--ghost btn--small"
              disabled={!next}
              title={next ? `Next: ${next.title}` : 'This is the last lesson'}
              onClick={() => (hasOwnCode(workspace.state.code) ? setConfirmNext(true) : goNext())}
              data-testid="lesson-next"
            >
              Next lesson ›
            </button>
          </div>
        )}
      </div>
      {confirmNext && next && (
        <ReplaceConfirm
          ariaLabel="Replace your code?"
          hint="Undo (Ctrl+Z) in the editor brings it back."
          replaceLabel="Replace"
          onReplace={goNext}
          onKeep={() => setConfirmNext(false)}
        >
          <strong>{next.title}</strong> replaces the code you wrote.
        </ReplaceConfirm>
      )}
      {open &&
        (changed ? (
          <p className="lesson__changed" data-testid="lesson-changed" role="status">
            {run ? 'This run changed' : 'You changed'} {listWords(changes)} of “{example.title}”: its note
            describes the original example, so it is hidden here.
            {run ? '' : ' Reset example brings the example back.'}
          </p>
        ) : (
          <p className="lesson__note" data-testid="look-for">
            <strong>What to look for: </strong>
            {example.lookFor}
          </p>
        ))}
    </section>
  );
}
