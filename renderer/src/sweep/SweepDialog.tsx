/**
 * Setting up a sweep: the current code and settings, run again and again
 * over max workers 1…N (default twice the CPUs) or over a list of
 * chunksizes (map), each value repeated (3 times by default, in rounds),
 * one run after another.
 */
import { useState } from 'react';
import { LIMITS } from '../../../shared/run-spec';
import {
  DEFAULT_SWEEP_REPEATS,
  defaultSweepMax,
  MAX_REPEATS,
  parseChunkList,
  workerValues,
  type SweepKind,
} from '../../../shared/sweep';
import { Dialog } from '../common/Dialog';
import { useApp } from '../app/app-context';
import { usePages, useSpec } from '../app/hooks';

export function SweepDialog() {
  const { host, controller, sweeps } = useApp();
  const pages = usePages();
  const spec = useSpec();
  const [kind, setKind] = useState<SweepKind>(spec.mode === 'map' ? 'chunksize' : 'workers');
  const [maxText, setMaxText] = useState(String(defaultSweepMax(host?.cpus ?? null)));
  const [chunkText, setChunkText] = useState('1, 2, 4, 8, 16');
  const [repeatText, setRepeatText] = useState(String(DEFAULT_SWEEP_REPEATS));
  const repeats = Number(repeatText);
  const repeatError =
    !Number.isInteger(repeats) || repeats < 1 || repeats > MAX_REPEATS
      ? `Repeats: a whole number from 1 to ${MAX_REPEATS}.`
      : null;
  const max = Number(maxText);
  const maxError =
    !Number.isInteger(max) || max < 2 || max > LIMITS.maxWorkers
      ? `A whole number from 2 to ${LIMITS.maxWorkers}.`
      : null;
  const chunks = parseChunkList(chunkText);
  const values =
    kind === 'workers' ? (maxError ? [] : workerValues(max)) : 'values' in chunks ? chunks.values : [];
  const error = (kind === 'workers' ? maxError : 'error' in chunks ? chunks.error : null) ?? repeatError;
  const mode = kind === 'chunksize' ? 'map' : spec.mode === 'serial' ? 'submit' : spec.mode;
  const close = (): void => pages.openSweepDialog(false);

  const start = async (): Promise<void> => {
    const current = await controller.currentSpec();
    if (!current || values.length === 0) return;
    close();
    pages.show('sweep');
    await sweeps.start({ kind, values, repeats, spec: { ...current, mode } });
  };

  return (
    <Dialog
      open={pages.sweepDialog}
      title="Sweep"
      onClose={close}
      className="dialog--sweep"
      testId="sweep-dialog"
    >
      <form
        className="sweep-form"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <p className="dialog__intro">
          Run <code>{spec.fn}</code> over <code>{spec.inputs}</code> again and again, changing one setting,
          one run after another. Every run is kept in the History; the chart shows how the setting changes the
          wall time.
        </p>
        <fieldset className="sweep-form__choice">
          <legend>Sweep over</legend>
          <label className="sweep-form__option">
            <input
              type="radio"
              name="sweep-kind"
              checked={kind === 'workers'}
              onChange={() => setKind('workers')}
            />
            <span>
              <strong>Max workers</strong> from 1 to{' '}
              <input
                className="input input--number"
                type="number"
                min={2}
                max={LIMITS.maxWorkers}
                value={maxText}
                disabled={kind !== 'workers'}
                aria-label="Largest max workers"
                aria-invalid={kind === 'workers' && maxError ? true : undefined}
                onChange={(e) => setMaxText(e.target.value)}
                data-testid="sweep-max"
              />{' '}
              <span className="field__hint">
                ({host ? `${host.cpus} CPU${host.cpus === 1 ? '' : 's'} here; ` : ''}mode {mode})
              </span>
            </span>
          </label>
          <label className="sweep-form__option">
            <input
              type="radio"
              name="sweep-kind"
              checked={kind === 'chunksize'}
              onChange={() => setKind('chunksize')}
            />
            <span>
              <strong>Chunksize</strong> (map, {spec.maxWorkers} worker{spec.maxWorkers === 1 ? '' : 's'}):{' '}
              <input
                className="input input--code sweep-form__chunks"
                type="text"
                value={chunkText}
                disabled={kind !== 'chunksize'}
                aria-label="Chunksizes to try"
                aria-invalid={kind === 'chunksize' && 'error' in chunks ? true : undefined}
                onChange={(e) => setChunkText(e.target.value)}
                data-testid="sweep-chunks"
              />
            </span>
          </label>
        </fieldset>
        <label className="sweep-form__repeats">
          <span>Repeats of each value</span>
          <input
            className="input input--number"
            type="number"
            min={1}
            max={MAX_REPEATS}
            value={repeatText}
            aria-invalid={repeatError ? true : undefined}
            onChange={(e) => setRepeatText(e.target.value)}
            data-testid="sweep-repeats"
          />
          <span className="field__hint">
            the chart shows each value&apos;s median, with whiskers from the fastest to the slowest run
          </span>
        </label>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : (
          <p className="sweep-form__summary">
            {values.length * repeats} run{values.length * repeats === 1 ? '' : 's'}, one after another:{' '}
            {kind === 'workers' ? `max workers ${values.join(', ')}` : `chunksize ${values.join(', ')}`}
            {repeats > 1
              ? `, ${repeats} times over (in rounds, so a change in the machine's load touches every value alike)`
              : ''}
            .
          </p>
        )}
        <div className="confirm__actions">
          <button
            type="submit"
            className="btn btn--primary"
            disabled={error !== null || sweeps.running}
            data-testid="sweep-start"
          >
            Start sweep
          </button>
          <button type="button" className="btn btn--ghost" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
