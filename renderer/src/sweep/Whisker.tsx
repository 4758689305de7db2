/**
 * The spread of repeated runs on a chart: a vertical line from the smallest
 * to the largest value, with caps. Nothing is drawn for a single run.
 */
interface Props {
  x: number;
  /** Pixel positions of the smallest and largest values. */
  y1: number;
  y2: number;
  /** Half the width of the caps. */
  cap: number;
  runs: number;
  min: number;
  max: number;
}

export function Whisker({ x, y1, y2, cap, runs, min, max }: Props) {
  if (runs < 2) return null;
  return (
    <g
      className="chart__whisker"
      data-testid="sweep-whisker"
      data-min={min}
      data-max={max}
      aria-hidden="true"
    >
      <line x1={x} x2={x} y1={y1} y2={y2} />
      <line x1={x - cap} x2={x + cap} y1={y1} y2={y1} />
      <line x1={x - cap} x2={x + cap} y1={y2} y2={y2} />
    </g>
  );
}
