/**
 * The details of what is under the pointer (or the keyboard focus): arguments,
 * result or error, PID, timings. Placed beside its anchor, kept inside the
 * window, flipped above or left when there is no room.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { TooltipRow } from './describe';

export type TooltipAnchor =
  { kind: 'point'; clientX: number; clientY: number } | { kind: 'element'; id: string };

interface Props {
  title: string;
  state: string;
  rows: readonly TooltipRow[];
  anchor: TooltipAnchor;
  container: RefObject<HTMLElement | null>;
}

const GAP = 14;

export function Tooltip({ title, state, rows, anchor, container }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const tip = ref.current;
    const box = container.current;
    if (!tip || !box) return;
    // Kept inside the window (it is fixed-position: a short pane does not cut it off).
    const pane = box.getBoundingClientRect();
    const bounds = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    let x: number;
    let y: number;
    let below: number;
    if (anchor.kind === 'point') {
      x = anchor.clientX + GAP;
      y = anchor.clientY + GAP;
      below = anchor.clientY - GAP;
    } else {
      const target = document.getElementById(anchor.id);
      if (!target) return;
      const r = target.getBoundingClientRect();
      x = Math.max(pane.left, Math.min(r.left + 4, pane.right - 40));
      y = r.bottom + 6;
      below = r.top - 6;
    }
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    if (x + w > bounds.right - 4)
      x = Math.max(bounds.left + 4, (anchor.kind === 'point' ? anchor.clientX - GAP : bounds.right) - w);
    if (y + h > bounds.bottom - 4) y = Math.max(bounds.top + 4, below - h);
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
  });

  return (
    <div className="tl-tooltip" ref={ref} role="tooltip" data-testid="timeline-tooltip">
      <div className="tl-tooltip__head">
        <span className="tl-tooltip__title">{title}</span>
        <span className="tl-tooltip__state" data-state={state}>
          {state}
        </span>
      </div>
      <dl className="tl-tooltip__rows">
        {rows.map((row) => (
          <div key={row.label} className="tl-tooltip__row" data-tone={row.tone}>
            <dt>{row.label}</dt>
            <dd>
              {row.value}
              {row.hint && <span className="tl-tooltip__hint">{row.hint}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
