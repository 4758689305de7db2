/** The examples as a list of cards: title, one-line summary, how it drives the pool. */
import { EXAMPLES, type Example } from '../../../shared/examples';

interface Props {
  currentId: string | null;
  onPick(example: Example): void;
  autoFocus?: boolean;
}

export function ExampleList({ currentId, onPick, autoFocus }: Props) {
  return (
    <ul className="examples" aria-label="Examples">
      {EXAMPLES.map((example, i) => (
        <li key={example.id}>
          <button
            type="button"
            className="example-card"
            data-current={example.id === currentId ? 'true' : undefined}
            data-testid={`example-${example.id}`}
            autoFocus={autoFocus && i === 0}
            onClick={() => onPick(example)}
          >
            <span className="example-card__title">{example.title}</span>
            <span className="example-card__summary">{example.summary}</span>
            <span className="example-card__meta">
              {example.spec.mode === 'serial' ? 'serial baseline' : example.spec.mode} ·{' '}
              {example.spec.maxWorkers} worker
              {example.spec.maxWorkers === 1 ? '' : 's'} · inputs {example.spec.inputs}
              {example.id === currentId ? ' · loaded' : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
