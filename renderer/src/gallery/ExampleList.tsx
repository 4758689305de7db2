/**
 * The examples as a course: one section per chapter ("1 · Why processes"…),
 * each lesson a card with the idea it teaches and its title (its summary and
 * settings as the tooltip), so that the whole course fits one screen.
 */
import { examplesByGroup, EXAMPLES, type Example } from '../../../shared/examples';

interface Props {
  currentId: string | null;
  onPick(example: Example): void;
  autoFocus?: boolean;
  /** The side bar's narrow list: one column. */
  compact?: boolean;
}

function describeSettings(example: Example): string {
  const { spec } = example;
  const language = spec.language === 'python' ? 'Python' : 'TypeScript';
  if (spec.kind === 'program') return `a whole program in ${language}: it sets up its own pools`;
  const mode = spec.mode === 'serial' ? 'serial baseline' : spec.mode;
  const workers = `${spec.maxWorkers} worker${spec.maxWorkers === 1 ? '' : 's'}`;
  return `${language} tasks · ${mode} · ${workers} · inputs ${spec.inputs}`;
}

export function ExampleList({ currentId, onPick, autoFocus, compact }: Props) {
  const first = EXAMPLES[0]?.id;
  return (
    <div className={`course${compact ? ' course--compact' : ''}`} data-testid="course">
      {examplesByGroup().map((group) => (
        <section key={group.id} className="course__group" aria-labelledby={`course-${group.id}`}>
          <h3 className="course__title" id={`course-${group.id}`}>
            {group.title}
          </h3>
          <ul className="examples" aria-label={group.title}>
            {group.examples.map((example) => {
              const number = EXAMPLES.indexOf(example) + 1;
              const current = example.id === currentId;
              return (
                <li key={example.id}>
                  <button
                    type="button"
                    className="example-card"
                    data-current={current ? 'true' : undefined}
                    aria-current={current ? 'true' : undefined}
                    data-testid={`example-${example.id}`}
                    autoFocus={autoFocus && example.id === first}
                    title={`${example.summary}\n${describeSettings(example)}`}
                    onClick={() => onPick(example)}
                  >
                    <span className="example-card__concept">
                      {number}. {example.concept}
                    </span>
                    <span className="example-card__title">{example.title}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
