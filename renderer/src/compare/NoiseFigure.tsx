/**
 * A figure of the comparison that may be noise: shown as measured, but
 * struck through and labelled "noise" (with why in its tooltip) when it
 * cannot be true of the pool, so it is never read as a result.
 */
import { noiseBadge, noiseText, type NoiseFlag } from '../../../shared/noise-flags';

interface Props {
  text: string;
  flag: NoiseFlag | null;
  testId: string;
  /** The element: a definition (`dd`, default) or a table cell. */
  as?: 'dd' | 'td';
}

export function NoiseFigure({ text, flag, testId, as: Tag = 'dd' }: Props) {
  if (!flag) return <Tag data-testid={testId}>{text}</Tag>;
  return (
    <Tag data-testid={testId} data-noise="true" title={noiseText(flag)}>
      <span className="figure--noise">{text}</span> <span className="noise-badge">{noiseBadge(flag)}</span>
    </Tag>
  );
}
