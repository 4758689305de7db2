/**
 * Beside a sweep's chart: Amdahl's law fitted to the medians (the serial
 * fraction, how well the curve fits, and whether the figure comes from noisy
 * runs), what made any point noisy, and the measurements as a table (median
 * and spread of each value's repeats).
 */
import { fitGrade, fitQualityText } from '../../../shared/amdahl';
import { formatPercent, formatSpeedup } from '../../../shared/compare';
import { noiseBadge, noiseText } from '../../../shared/noise-flags';
import type { AmdahlFit, ChunkPoint, SweepKind, WorkerPoint } from '../../../shared/sweep';
import { formatSeconds } from '../../../shared/timeline-scale';
import type { Spread } from '../../../shared/spread';
import { serialFractionText } from './chart-geometry';

interface Props {
  kind: SweepKind | null;
  workerPoints: readonly WorkerPoint[];
  chunkPoints: readonly ChunkPoint[];
  fit: AmdahlFit | null;
  cpus: number | null;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function range(spread: Spread, format: (v: number) => string): string {
  return spread.n > 1 ? `${format(spread.min)}–${format(spread.max)}` : '–';
}

export function SweepFacts({ kind, workerPoints, chunkPoints, fit, cpus }: Props) {
  const repeated = [...workerPoints, ...chunkPoints].some((p) => p.wall.n > 1);
  const noisy = kind === 'workers' ? workerPoints.flatMap((p) => p.noise) : [];
  return (
    <div className="sweep__facts">
      {kind === 'workers' && fit && <FitFacts fit={fit} cpus={cpus} repeated={repeated} />}
      {noisy.length > 0 && !fit?.noise && (
        <div className="sweep__noise" role="note" data-testid="sweep-noise">
          <strong>Noisy points</strong> (drawn hollow): {noisy.join('; ')}. Read them as noise, not results.
        </div>
      )}
      {(workerPoints.length > 0 || chunkPoints.length > 0) && (
        <table className="sweep__table" data-testid="sweep-table">
          <caption className="visually-hidden">Measurements of the sweep</caption>
          <thead>
            <tr>
              <th scope="col">{kind === 'workers' ? 'Max workers' : 'Chunksize'}</th>
              <th scope="col">Runs</th>
              <th scope="col">{repeated ? 'Wall time (median)' : 'Wall time'}</th>
              {repeated && <th scope="col">min–max</th>}
              {kind === 'workers' && <th scope="col">Speedup</th>}
              {kind === 'workers' && <th scope="col">Efficiency</th>}
            </tr>
          </thead>
          <tbody>
            {kind === 'workers'
              ? workerPoints.map((p) => {
                  const efficiency = p.speedup.median / p.workers;
                  const over = workerPoints[0]?.workers === 1 && efficiency > 1;
                  return (
                    <tr key={p.workers} data-noise={p.noise.length > 0 ? 'true' : undefined}>
                      <td>{p.workers}</td>
                      <td>{p.wall.n}</td>
                      <td>{formatSeconds(p.wall.median)}</td>
                      {repeated && <td>{range(p.wall, formatSeconds)}</td>}
                      <td>{formatSpeedup(p.speedup.median)}</td>
                      <td
                        className={over ? 'figure--noise' : undefined}
                        title={over ? 'More than 100 %: noise, not a result' : undefined}
                      >
                        {formatPercent(efficiency)}
                        {over ? ' (noise)' : ''}
                      </td>
                    </tr>
                  );
                })
              : chunkPoints.map((p) => (
                  <tr key={p.chunksize}>
                    <td>{p.chunksize}</td>
                    <td>{p.wall.n}</td>
                    <td>{formatSeconds(p.wall.median)}</td>
                    {repeated && <td>{range(p.wall, formatSeconds)}</td>}
                  </tr>
                ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function FitFacts({ fit, cpus, repeated }: { fit: AmdahlFit; cpus: number | null; repeated: boolean }) {
  const what = repeated ? 'the medians' : 'the measurements';
  return (
    <>
      <p className="sweep__fit">
        Amdahl&apos;s law fitted to{' '}
        {fit.limitedToCpus && cpus !== null
          ? `${what} with at most ${plural(cpus, 'worker')} (${plural(cpus, 'CPU')} here)`
          : what}
        :{' '}
        <strong
          data-testid="serial-fraction"
          className={fit.noise ? 'figure--noise' : undefined}
          data-noise={fit.noise ? 'true' : undefined}
        >
          serial fraction ≈ {serialFractionText(fit.serialFraction)}
        </strong>
        {fit.noise && (
          <span className="noise-badge" title={noiseText(fit.noise)}>
            {noiseBadge(fit.noise)}
          </span>
        )}
        .{' '}
        <span className="sweep__quality" data-testid="fit-quality" data-grade={fitGrade(fit.quality)}>
          {fitQualityText(fit.quality)}
        </span>{' '}
        <span className="sweep__hint">
          The serial fraction is the share of the work that does not get faster with more workers (start-up,
          sending tasks and results, the caller&apos;s own work).
          {fit.limitedToCpus &&
            cpus !== null &&
            ` Past ${plural(cpus, 'worker')} the processes share ${plural(cpus, 'CPU')}, so the speedup stops growing.`}
        </span>
      </p>
      {fit.noise && (
        <p className="sweep__noise" role="note" data-testid="fit-noise">
          {noiseText(fit.noise)}
        </p>
      )}
    </>
  );
}
