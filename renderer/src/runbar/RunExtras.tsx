/**
 * Beside Run: Run × N (the current settings N times, then their median and
 * spread), the serial baseline of the current settings (the same tasks one
 * after another in a single process, like Python's built-in map) and sweeps.
 */
import { runSerialBaseline } from '../history/baseline';
import { useApp } from '../app/app-context';
import { RepeatRun } from './RepeatRun';

export function RunExtras({ serial }: { serial: boolean }) {
  const stores = useApp();
  const { controller, pages } = stores;
  return (
    <div className="runbar__extras" role="group" aria-label="More ways to run">
      <RepeatRun />
      <button
        type="button"
        className="btn btn--ghost btn--small btn--compact"
        title="Run the same tasks one after another in one process (the built-in map), to compare with"
        disabled={serial}
        onClick={async () => {
          const spec = await controller.currentSpec();
          if (spec) await runSerialBaseline(stores, spec);
        }}
        aria-label="Run serial baseline"
        data-testid="run-baseline"
      >
        Serial baseline
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--small btn--compact"
        title="Run these settings over max workers 1…N or over chunksizes, and chart the speedup"
        onClick={() => pages.openSweepDialog(true)}
        data-testid="open-sweep-runbar"
      >
        Sweep…
      </button>
    </div>
  );
}
