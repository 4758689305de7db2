/**
 * A standalone picture of what is on screen: the timeline's SVG elements
 * cloned with their computed styles written onto each element (the page's
 * stylesheet and theme variables do not travel with an .svg file), stacked
 * with text lines into one SVG document; and that document as a PNG.
 */

export type SnapshotPart =
  | { kind: 'svg'; element: SVGSVGElement }
  /** A picture that already stands on its own (plain colours, no classes): placed as is. */
  | { kind: 'markup'; svg: string; width: number; height: number }
  | { kind: 'text'; text: string; size?: number; bold?: boolean; muted?: boolean }
  | { kind: 'gap'; height: number }
  /** A row of colour chips with their meaning; colours may be CSS variables (`--bar-done`). */
  | { kind: 'legend'; items: readonly { color: string; label: string }[] };

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Style properties that decide how SVG shapes and text look. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'paint-order',
  'dominant-baseline',
  'text-anchor',
  'vector-effect',
  'visibility',
  'display',
] as const;

function inlineStyles(source: Element, copy: Element): void {
  const computed = getComputedStyle(source);
  const style = PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`)
    .filter((decl) => !decl.endsWith(':'))
    .join(';');
  copy.setAttribute('style', style);
  copy.removeAttribute('class');
  const from = source.children;
  const to = copy.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!);
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Snapshot {
  svg: string;
  width: number;
  height: number;
}

/** Stack the parts top to bottom in one SVG document, on the panel's background. */
export function composeSvg(parts: readonly SnapshotPart[], padding = 12): Snapshot {
  const fontFamily = getComputedStyle(document.body).fontFamily;
  const fg = cssVar('--fg') || '#000';
  const muted = cssVar('--fg-muted') || '#555';
  const background = cssVar('--bg-panel') || '#fff';
  const children: string[] = [];
  let y = padding;
  let width = 0;
  for (const part of parts) {
    if (part.kind === 'gap') {
      y += part.height;
    } else if (part.kind === 'legend') {
      let x = padding;
      for (const item of part.items) {
        const color = item.color.startsWith('--') ? cssVar(item.color) : item.color;
        children.push(
          `<rect x="${x}" y="${y + 3}" width="14" height="10" rx="2" fill="${escapeXml(color)}"/>` +
            `<text x="${x + 19}" y="${y + 12}" font-family="${escapeXml(fontFamily)}" font-size="12" ` +
            `fill="${muted}">${escapeXml(item.label)}</text>`,
        );
        x += 19 + item.label.length * 7 + 16;
      }
      y += 20;
      width = Math.max(width, x + padding);
    } else if (part.kind === 'text') {
      const size = part.size ?? 14;
      children.push(
        `<text x="${padding}" y="${y + size}" font-family="${escapeXml(fontFamily)}" font-size="${size}" ` +
          `font-weight="${part.bold ? 700 : 400}" fill="${part.muted ? muted : fg}">${escapeXml(part.text)}</text>`,
      );
      y += Math.round(size * 1.5);
      width = Math.max(width, padding * 2 + part.text.length * size * 0.6);
    } else if (part.kind === 'markup') {
      children.push(part.svg.replace(/^<svg /, `<svg x="${padding}" y="${y}" overflow="visible" `));
      y += part.height;
      width = Math.max(width, part.width + padding * 2);
    } else {
      const box = part.element.getBoundingClientRect();
      const w = Number(part.element.getAttribute('width')) || box.width;
      const h = Number(part.element.getAttribute('height')) || box.height;
      const copy = part.element.cloneNode(true) as SVGSVGElement;
      inlineStyles(part.element, copy);
      copy.setAttribute('x', String(padding));
      copy.setAttribute('y', String(y));
      copy.setAttribute('width', String(w));
      copy.setAttribute('height', String(h));
      copy.setAttribute('overflow', 'visible');
      copy.removeAttribute('role');
      children.push(new XMLSerializer().serializeToString(copy));
      y += h;
      width = Math.max(width, w + padding * 2);
    }
  }
  const height = Math.ceil(y + padding);
  width = Math.ceil(width);
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="${background}"/>${children.join('')}</svg>\n`;
  return { svg, width, height };
}

/** Draw the SVG on a canvas (at `scale` × its size, for sharp text) and encode it as PNG. */
export async function svgToPng(snapshot: Snapshot, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([snapshot.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The picture could not be drawn.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(snapshot.width * scale);
    canvas.height = Math.ceil(snapshot.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No canvas to draw the picture on.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, snapshot.width, snapshot.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
