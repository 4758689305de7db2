/**
 * What the marks of the timeline on screen mean: each kind that appears,
 * with a picture drawn as the timeline draws it.
 */
import { useSyncExternalStore } from 'react';
import { useTheme } from '../app/hooks';
import { timelineColors } from './colors';
import { legendItems, SWATCH, type LegendItem } from './legend-items';
import { SvgPainter } from './painter';
import type { TimelineController } from './timeline-controller';
import { useThrottledVersion } from '../store/use-throttled';

export function Legend({ controller }: { controller: TimelineController }) {
  useThrottledVersion(controller.drawn, 300);
  useSyncExternalStore(controller.subscribe, () => controller.running);
  const model = controller.model;
  if (!model || (model.tasks.length === 0 && model.workers.length === 0)) return null;
  const marks = controller.marks();
  if (!marks) return null;
  const items = legendItems({
    model,
    marks,
    blocks: controller.scene?.blocks ?? 0,
    concurrency: controller.layout.concurrency.height > 0,
    live: controller.running,
  });
  return <LegendList items={items} />;
}

export function LegendList({ items }: { items: readonly LegendItem[] }) {
  const theme = useTheme();
  const colors = timelineColors(theme);
  return (
    <ul className="tl-legend" aria-label="Timeline legend" data-testid="timeline-legend">
      {items.map((item) => {
        const painter = new SvgPainter(`legend-${item.key}`);
        item.draw(painter, colors);
        return (
          <li key={item.key} data-legend={item.key}>
            <svg
              className="tl-legend__swatch"
              width={SWATCH.width}
              height={SWATCH.height}
              viewBox={`0 0 ${SWATCH.width} ${SWATCH.height}`}
              aria-hidden="true"
              dangerouslySetInnerHTML={{ __html: painter.markup() }}
            />
            {item.label}
          </li>
        );
      })}
    </ul>
  );
}
