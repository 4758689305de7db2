/**
 * Moving between bars with the keyboard: left and right along a lane (in
 * time order), up and down to the nearest bar in time of the next lane with
 * bars, Home and End to a lane's ends. Pure: lanes in, next bar out.
 */
export interface NavLane {
  /** Bars of one lane, sorted by start time. */
  bars: readonly { task: number; start: number }[];
}

/** The task to focus after `key`, or undefined when the key does not move. */
export function navigate(lanes: readonly NavLane[], current: number | null, key: string): number | undefined {
  const filled = lanes.filter((l) => l.bars.length > 0);
  if (filled.length === 0) return undefined;
  let laneIndex = -1;
  let barIndex = -1;
  if (current !== null) {
    laneIndex = filled.findIndex((l) => l.bars.some((b) => b.task === current));
    if (laneIndex >= 0) barIndex = filled[laneIndex]!.bars.findIndex((b) => b.task === current);
  }
  if (laneIndex < 0) {
    return ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(key)
      ? filled[0]!.bars[0]!.task
      : undefined;
  }
  const lane = filled[laneIndex]!;
  const bar = lane.bars[barIndex]!;
  switch (key) {
    case 'ArrowRight':
      return lane.bars[Math.min(lane.bars.length - 1, barIndex + 1)]!.task;
    case 'ArrowLeft':
      return lane.bars[Math.max(0, barIndex - 1)]!.task;
    case 'Home':
      return lane.bars[0]!.task;
    case 'End':
      return lane.bars[lane.bars.length - 1]!.task;
    case 'ArrowDown':
    case 'ArrowUp': {
      const next = filled[laneIndex + (key === 'ArrowDown' ? 1 : -1)];
      if (!next) return bar.task;
      let best = next.bars[0]!;
      for (const candidate of next.bars) {
        if (Math.abs(candidate.start - bar.start) < Math.abs(best.start - bar.start)) best = candidate;
      }
      return best.task;
    }
    default:
      return undefined;
  }
}
