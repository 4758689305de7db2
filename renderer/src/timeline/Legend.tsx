/** What the colours and marks of the timeline mean. */
import { BAR_STATES } from '../theme/palette';

export function Legend() {
  return (
    <ul className="tl-legend" aria-label="Timeline legend">
      {BAR_STATES.map(({ state, label }) => (
        <li key={state}>
          <span className="tl-legend__chip" data-state={state} aria-hidden="true" />
          {label}
        </li>
      ))}
      <li>
        <span className="tl-legend__chip tl-legend__chip--startup" aria-hidden="true" />
        process start-up
      </li>
      <li>
        <span className="tl-legend__marker" aria-hidden="true">
          1
        </span>
        result reached the caller (in order)
      </li>
    </ul>
  );
}
