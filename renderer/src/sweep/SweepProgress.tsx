/** A sweep's progress: which run of how many, a bar, and Cancel. */
import { planSize, type SweepState } from './sweep-store';

export function SweepProgress({ state, onCancel }: { state: SweepState; onCancel(): void }) {
  const total = planSize(state.plan);
  const what = state.plan.kind === 'workers' ? 'max workers' : 'chunksize';
  const text =
    state.status === 'running'
      ? `Run ${Math.min(total, state.done + 1)} of ${total}${state.current !== null ? `: ${what} ${state.current}` : ''}…`
      : state.status === 'done'
        ? `Sweep finished: ${total} run${total === 1 ? '' : 's'}.`
        : (state.message ?? 'Sweep stopped.');
  return (
    <div className="sweep-progress" data-status={state.status} data-testid="sweep-progress">
      <span role="status">{text}</span>
      <progress
        max={total}
        value={state.done}
        aria-label={`Sweep progress: ${state.done} of ${total} runs`}
      />
      {state.status === 'running' && (
        <button
          type="button"
          className="btn btn--small btn--stop"
          onClick={onCancel}
          data-testid="sweep-cancel"
        >
          Cancel sweep
        </button>
      )}
    </div>
  );
}
