/** The key of a sweep chart, drawn inside its top-left corner (where speedups never reach). */

export interface LegendItem {
  kind: 'point' | 'whisker' | 'ideal' | 'curve';
  label: string;
}

interface Props {
  x: number;
  y: number;
  fontSize: number;
  items: readonly LegendItem[];
}

export function ChartLegend({ x, y, fontSize, items }: Props) {
  const row = fontSize * 1.6;
  const swatch = fontSize * 2.2;
  const width = swatch + fontSize * 0.8 + Math.max(...items.map((i) => i.label.length)) * fontSize * 0.58;
  return (
    <g className="chart__legend" aria-hidden="true">
      <rect
        className="chart__legend-bg"
        x={x - fontSize * 0.5}
        y={y - fontSize * 0.3}
        width={width + fontSize}
        height={items.length * row + fontSize * 0.4}
        rx={4}
      />
      {items.map((item, i) => {
        const cy = y + row * i + row / 2;
        return (
          <g key={item.kind}>
            {item.kind === 'point' && (
              <>
                <line className="chart__measured-line" x1={x} x2={x + swatch} y1={cy} y2={cy} />
                <circle className="chart__legend-point" cx={x + swatch / 2} cy={cy} r={fontSize * 0.38} />
              </>
            )}
            {item.kind === 'whisker' && (
              <g className="chart__whisker">
                <line
                  x1={x + swatch / 2}
                  x2={x + swatch / 2}
                  y1={cy - fontSize * 0.55}
                  y2={cy + fontSize * 0.55}
                />
                <line
                  x1={x + swatch / 2 - fontSize * 0.3}
                  x2={x + swatch / 2 + fontSize * 0.3}
                  y1={cy - fontSize * 0.55}
                  y2={cy - fontSize * 0.55}
                />
                <line
                  x1={x + swatch / 2 - fontSize * 0.3}
                  x2={x + swatch / 2 + fontSize * 0.3}
                  y1={cy + fontSize * 0.55}
                  y2={cy + fontSize * 0.55}
                />
              </g>
            )}
            {item.kind === 'ideal' && (
              <line className="chart__ideal" x1={x} x2={x + swatch} y1={cy} y2={cy} />
            )}
            {item.kind === 'curve' && (
              <line className="chart__curve" x1={x} x2={x + swatch} y1={cy} y2={cy} />
            )}
            <text x={x + swatch + fontSize * 0.6} y={cy} dominantBaseline="central" fontSize={fontSize}>
              {item.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
