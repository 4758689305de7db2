/** After a run: the learner's guess beside what was measured. */
import type { RunMeta } from '../../../shared/api';
import { checkPrediction, hasPrediction, type OrderKind } from '../../../shared/prediction';
import type { RunModel } from '../../../shared/run-model';
import { formatSeconds } from '../../../shared/timeline-scale';

const KIND_WORDS: Record<OrderKind, string> = {
  inputs: 'inputs',
  results: 'results',
  positions: 'input positions',
  labels: 'calls',
};

function wallWords(diffMs: number): string {
  const abs = Math.abs(diffMs);
  if (abs < 50) return 'spot on';
  return `${formatSeconds(abs)} ${diffMs > 0 ? 'longer' : 'shorter'} than you guessed`;
}

export function PredictionResult({
  prediction,
  model,
}: {
  prediction: RunMeta['prediction'];
  model: RunModel;
}) {
  if (!model.finish || !hasPrediction(prediction)) return null;
  const { wall, order } = checkPrediction(prediction, model);
  if (!wall && !order) return null;
  return (
    <ul
      className="predict__result"
      aria-label="Your prediction against the measurement"
      data-testid="prediction-result"
    >
      {wall && (
        <li data-testid="prediction-wall">
          <span className="predict__what">Wall time</span> you guessed{' '}
          <strong>{formatSeconds(wall.guessMs)}</strong>, measured{' '}
          <strong>{formatSeconds(wall.actualMs)}</strong>{' '}
          <span className="predict__diff">({wallWords(wall.diffMs)})</span>
        </li>
      )}
      {order && (
        <li data-testid="prediction-order" data-matched={order.matched ? 'true' : 'false'}>
          <span className="predict__what">Result order</span>{' '}
          {order.matched ? (
            <>
              <span className="predict__ok">✓ as you guessed</span> ({KIND_WORDS[order.by]}:{' '}
              {order.actual.join(', ')})
            </>
          ) : (
            <>
              <span className="predict__miss">✗ not as guessed</span>: the caller got {KIND_WORDS[order.by]}{' '}
              <strong>{order.actual.join(', ')}</strong> (you wrote {order.guess.join(', ')})
            </>
          )}
        </li>
      )}
    </ul>
  );
}
