/** After a run: "What happened", measured from that run alone (shared/what-happened.ts). */
import { useMemo, useState } from 'react';
import type { RunModel } from '../../../shared/run-model';
import { whatHappened } from '../../../shared/what-happened';

/** Longer than this, the text starts folded to two lines. */
const FOLD_CHARS = 220;

export function WhatHappened({ model, version }: { model: RunModel; version: number }) {
  const [full, setFull] = useState(false);
  // The model changes in place as events arrive: its version says when to read it again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const facts = useMemo(() => whatHappened(model).facts, [model, version]);
  if (facts.length === 0) return null;
  const text = facts.join(' ');
  const foldable = text.length > FOLD_CHARS;
  return (
    <div className="what-happened" data-testid="what-happened-box">
      <p
        className="what-happened__text"
        data-full={full || !foldable ? 'true' : undefined}
        data-testid="what-happened"
      >
        <strong>What happened: </strong>
        {text}
      </p>
      {foldable && (
        <button
          type="button"
          className="btn btn--ghost btn--small what-happened__more"
          aria-expanded={full}
          onClick={() => setFull(!full)}
        >
          {full ? 'less' : 'more'}
        </button>
      )}
    </div>
  );
}

/** The row's place while the run is live: what will be there, and when. */
export function WhatHappenedPending() {
  return (
    <div className="what-happened" data-testid="what-happened-pending">
      <p className="what-happened__text what-happened__text--pending">
        <strong>What happened: </strong>
        measured from this run when it ends.
      </p>
    </div>
  );
}
