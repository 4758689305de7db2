/**
 * Replay a reopened run: play it again at 0.25× to 4×, pause, step one event
 * forward or back (the bar says what that event was), or go back to the
 * whole run.
 */
import { formatSeconds } from '../../../shared/timeline-scale';
import { REPLAY_SPEEDS } from '../run/replay';
import type { RunViewer } from '../run/run-viewer';
import { useStoreVersion } from '../store/use-store';
import { eventText } from './replay-text';

export function ReplayBar({ viewer }: { viewer: RunViewer }) {
  const replay = viewer.replay;
  useStoreVersion(replay ?? viewer);
  if (!replay) {
    return (
      <div className="replay" role="group" aria-label="Replay">
        <button
          type="button"
          className="btn btn--small"
          onClick={() => viewer.startReplay()}
          data-testid="replay-start"
          title="Play this run again, at a speed you choose, or step through it event by event"
        >
          ▶ Replay
        </button>
      </div>
    );
  }
  const current = replay.current;
  return (
    <div className="replay" role="group" aria-label="Replay" data-testid="replay">
      <button
        type="button"
        className="btn btn--ghost btn--small"
        onClick={() => replay.restart()}
        aria-label="Back to the start"
        title="Back to the start"
      >
        |◀
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        onClick={() => replay.stepBack()}
        aria-label="One event back"
        title="One event back"
        data-testid="replay-back"
      >
        ◀
      </button>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => (replay.playing ? replay.pause() : replay.play())}
        data-testid="replay-play"
        aria-label={replay.playing ? 'Pause' : 'Play'}
      >
        {replay.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        onClick={() => replay.stepForward()}
        aria-label="One event forward"
        title="One event forward"
        data-testid="replay-step"
      >
        ▶|
      </button>
      <label className="replay__speed">
        <span>Speed</span>
        <select
          className="input input--select"
          value={replay.speed}
          onChange={(e) => replay.setSpeed(Number(e.target.value))}
          data-testid="replay-speed"
        >
          {REPLAY_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <span className="replay__where" role="status" data-testid="replay-position">
        Event {replay.applied.toLocaleString('en')} of {replay.total.toLocaleString('en')} ·{' '}
        {formatSeconds(replay.clock)}
        {current ? ` · ${eventText(current, replay.model)}` : ''}
      </span>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        onClick={() => viewer.endReplay()}
        data-testid="replay-end"
      >
        End replay
      </button>
    </div>
  );
}
