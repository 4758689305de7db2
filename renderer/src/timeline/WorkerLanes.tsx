/**
 * A run's worker lanes, with the hatch pattern their start-up uses (under an
 * id of its own: several timelines can share a page).
 */
import { useId } from 'react';
import type { ThemeName } from '../theme/palette';
import { workerColor } from '../theme/palette';
import type { LaneBars } from './bars';
import type { Layout, Scale } from './geometry';
import { WorkerLane } from './WorkerLane';

interface Props {
  layout: Layout;
  scale: Scale;
  now: number;
  theme: ThemeName;
  lanes: LaneBars;
}

export function WorkerLanes({ layout, scale, now, theme, lanes }: Props) {
  const hatchId = `tl-hatch-${useId().replace(/[^\w-]/g, '')}`;
  return (
    <>
      <defs>
        <pattern
          id={hatchId}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="3" height="6" className="tl-hatch-stripe" />
        </pattern>
      </defs>
      {layout.workers.map((lane) => (
        <WorkerLane
          key={lane.worker.index}
          lane={lane}
          layout={layout}
          scale={scale}
          now={now}
          color={workerColor(theme, lane.worker.index)}
          hatchId={hatchId}
          bars={lanes.bars.get(lane.worker.index) ?? []}
          labels={lanes.labels.get(lane.worker.index) ?? []}
        />
      ))}
    </>
  );
}
