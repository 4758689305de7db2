/**
 * The few drawing operations the timeline uses, on two surfaces: a canvas
 * (what is on screen: cheap to redraw, whatever the number of tasks) and SVG
 * markup (the exported picture, which must stand on its own). The timeline
 * is drawn once, through this interface, so both always agree.
 */
import { FONT_MONO } from '../theme/fonts';

export interface TextStyle {
  color: string;
  size: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  mono?: boolean;
}

export interface Painter {
  rect(x: number, y: number, w: number, h: number, fill: string, alpha?: number): void;
  strokeRect(
    x: number,
    y: number,
    w: number,
    h: number,
    stroke: string,
    width?: number,
    dash?: number[],
  ): void;
  line(x1: number, y1: number, x2: number, y2: number, stroke: string, width?: number, dash?: number[]): void;
  /** A closed polygon (x, y pairs), filled. */
  polygon(points: readonly number[], fill: string, alpha?: number): void;
  /** An open polyline (x, y pairs), stroked. */
  polyline(points: readonly number[], stroke: string, width?: number, dash?: number[]): void;
  /** Separate straight segments (x1, y1, x2, y2 quadruples), stroked as one path: thousands cost one stroke. */
  segments(coords: readonly number[], stroke: string, width?: number): void;
  circle(cx: number, cy: number, r: number, fill: string, stroke?: string): void;
  /** Text, vertically centred on y. */
  text(x: number, y: number, text: string, style: TextStyle): void;
  /** Diagonal stripes over a rectangle (start-up, running); `cross` adds the other diagonal (failed). */
  stripes(x: number, y: number, w: number, h: number, color: string, spacing?: number, cross?: boolean): void;
  /** Everything drawn inside `draw` is clipped to the rectangle. */
  clip(x: number, y: number, w: number, h: number, draw: () => void): void;
}

export const UI_FONT =
  "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', sans-serif";

function font(style: TextStyle): string {
  return `${style.bold ? '600 ' : ''}${style.size}px ${style.mono ? FONT_MONO : UI_FONT}`;
}

export class CanvasPainter implements Painter {
  readonly #c: CanvasRenderingContext2D;

  constructor(context: CanvasRenderingContext2D) {
    this.#c = context;
  }

  rect(x: number, y: number, w: number, h: number, fill: string, alpha = 1): void {
    const c = this.#c;
    c.globalAlpha = alpha;
    c.fillStyle = fill;
    c.fillRect(x, y, w, h);
    c.globalAlpha = 1;
  }

  strokeRect(x: number, y: number, w: number, h: number, stroke: string, width = 1, dash?: number[]): void {
    const c = this.#c;
    c.strokeStyle = stroke;
    c.lineWidth = width;
    c.setLineDash(dash ?? []);
    c.strokeRect(x + width / 2, y + width / 2, Math.max(0, w - width), Math.max(0, h - width));
    c.setLineDash([]);
  }

  /** Strokes the path `trace` lays out, in one colour, width and dash (solid again after). */
  #strokePath(
    stroke: string,
    width: number,
    dash: number[] | undefined,
    trace: (c: CanvasRenderingContext2D) => void,
  ): void {
    const c = this.#c;
    c.strokeStyle = stroke;
    c.lineWidth = width;
    c.setLineDash(dash ?? []);
    c.beginPath();
    trace(c);
    c.stroke();
    c.setLineDash([]);
  }

  line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, dash?: number[]): void {
    this.#strokePath(stroke, width, dash, (c) => {
      c.moveTo(x1, y1);
      c.lineTo(x2, y2);
    });
  }

  polygon(points: readonly number[], fill: string, alpha = 1): void {
    if (points.length < 6) return;
    const c = this.#c;
    c.globalAlpha = alpha;
    c.fillStyle = fill;
    c.beginPath();
    c.moveTo(points[0]!, points[1]!);
    for (let i = 2; i < points.length; i += 2) c.lineTo(points[i]!, points[i + 1]!);
    c.closePath();
    c.fill();
    c.globalAlpha = 1;
  }

  polyline(points: readonly number[], stroke: string, width = 1, dash?: number[]): void {
    if (points.length < 4) return;
    this.#strokePath(stroke, width, dash, (c) => {
      c.moveTo(points[0]!, points[1]!);
      for (let i = 2; i < points.length; i += 2) c.lineTo(points[i]!, points[i + 1]!);
    });
  }

  segments(coords: readonly number[], stroke: string, width = 1): void {
    if (coords.length < 4) return;
    this.#strokePath(stroke, width, undefined, (c) => {
      for (let i = 0; i + 3 < coords.length; i += 4) {
        c.moveTo(coords[i]!, coords[i + 1]!);
        c.lineTo(coords[i + 2]!, coords[i + 3]!);
      }
    });
  }

  circle(cx: number, cy: number, r: number, fill: string, stroke?: string): void {
    const c = this.#c;
    c.beginPath();
    c.arc(cx, cy, r, 0, Math.PI * 2);
    c.fillStyle = fill;
    c.fill();
    if (stroke) {
      c.strokeStyle = stroke;
      c.lineWidth = 1.5;
      c.stroke();
    }
  }

  text(x: number, y: number, text: string, style: TextStyle): void {
    const c = this.#c;
    c.font = font(style);
    c.fillStyle = style.color;
    c.textAlign = style.align ?? 'left';
    c.textBaseline = 'middle';
    c.fillText(text, x, y);
  }

  stripes(x: number, y: number, w: number, h: number, color: string, spacing = 6, cross = false): void {
    if (w <= 0 || h <= 0) return;
    const c = this.#c;
    c.save();
    c.beginPath();
    c.rect(x, y, w, h);
    c.clip();
    c.strokeStyle = color;
    c.lineWidth = cross ? spacing / 4 : spacing / 2;
    c.beginPath();
    for (let s = x - h; s < x + w; s += spacing) {
      c.moveTo(s, y + h);
      c.lineTo(s + h, y);
      if (cross) {
        c.moveTo(s, y);
        c.lineTo(s + h, y + h);
      }
    }
    c.stroke();
    c.restore();
  }

  clip(x: number, y: number, w: number, h: number, draw: () => void): void {
    const c = this.#c;
    c.save();
    c.beginPath();
    c.rect(x, y, w, h);
    c.clip();
    draw();
    c.restore();
  }
}

const n = (v: number): string => (Math.round(v * 100) / 100).toString();
const esc = (text: string): string => text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const dashAttr = (dash?: number[]): string =>
  dash && dash.length > 0 ? ` stroke-dasharray="${dash.join(' ')}"` : '';

/** Collects SVG elements (inline attributes only: the file renders on its own). */
export class SvgPainter implements Painter {
  readonly #parts: string[] = [];
  #clips = 0;
  readonly #id: string;

  constructor(id = 'tl') {
    this.#id = id;
  }

  markup(): string {
    return this.#parts.join('');
  }

  rect(x: number, y: number, w: number, h: number, fill: string, alpha = 1): void {
    if (w <= 0 || h <= 0) return;
    this.#parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}"${alpha < 1 ? ` fill-opacity="${alpha}"` : ''}/>`,
    );
  }

  strokeRect(x: number, y: number, w: number, h: number, stroke: string, width = 1, dash?: number[]): void {
    this.#parts.push(
      `<rect x="${n(x + width / 2)}" y="${n(y + width / 2)}" width="${n(Math.max(0, w - width))}" height="${n(Math.max(0, h - width))}" fill="none" stroke="${stroke}" stroke-width="${width}"${dashAttr(dash)}/>`,
    );
  }

  line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, dash?: number[]): void {
    this.#parts.push(
      `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${width}"${dashAttr(dash)}/>`,
    );
  }

  polygon(points: readonly number[], fill: string, alpha = 1): void {
    if (points.length < 6) return;
    this.#parts.push(
      `<polygon points="${pairs(points)}" fill="${fill}"${alpha < 1 ? ` fill-opacity="${alpha}"` : ''}/>`,
    );
  }

  polyline(points: readonly number[], stroke: string, width = 1, dash?: number[]): void {
    if (points.length < 4) return;
    this.#parts.push(
      `<polyline points="${pairs(points)}" fill="none" stroke="${stroke}" stroke-width="${width}"${dashAttr(dash)}/>`,
    );
  }

  segments(coords: readonly number[], stroke: string, width = 1): void {
    if (coords.length < 4) return;
    const d: string[] = [];
    for (let i = 0; i + 3 < coords.length; i += 4)
      d.push(`M${n(coords[i]!)} ${n(coords[i + 1]!)}L${n(coords[i + 2]!)} ${n(coords[i + 3]!)}`);
    this.#parts.push(`<path d="${d.join('')}" fill="none" stroke="${stroke}" stroke-width="${width}"/>`);
  }

  circle(cx: number, cy: number, r: number, fill: string, stroke?: string): void {
    this.#parts.push(
      `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${fill}"${stroke ? ` stroke="${stroke}" stroke-width="1.5"` : ''}/>`,
    );
  }

  text(x: number, y: number, text: string, style: TextStyle): void {
    const anchor = style.align === 'center' ? 'middle' : style.align === 'right' ? 'end' : 'start';
    this.#parts.push(
      `<text x="${n(x)}" y="${n(y)}" fill="${style.color}" font-size="${style.size}" font-family="${esc(style.mono ? FONT_MONO : UI_FONT)}"${style.bold ? ' font-weight="600"' : ''} text-anchor="${anchor}" dominant-baseline="central">${esc(text)}</text>`,
    );
  }

  stripes(x: number, y: number, w: number, h: number, color: string, spacing = 6): void {
    if (w <= 0 || h <= 0) return;
    this.clip(x, y, w, h, () => {
      const d: string[] = [];
      for (let s = x - h; s < x + w; s += spacing) d.push(`M${n(s)} ${n(y + h)}L${n(s + h)} ${n(y)}`);
      this.#parts.push(
        `<path d="${d.join('')}" stroke="${color}" stroke-width="${spacing / 2}" fill="none"/>`,
      );
    });
  }

  clip(x: number, y: number, w: number, h: number, draw: () => void): void {
    const id = `${this.#id}-clip-${this.#clips++}`;
    this.#parts.push(
      `<clipPath id="${id}"><rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, w))}" height="${n(Math.max(0, h))}"/></clipPath><g clip-path="url(#${id})">`,
    );
    draw();
    this.#parts.push('</g>');
  }
}

function pairs(points: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) out.push(`${n(points[i]!)},${n(points[i + 1]!)}`);
  return out.join(' ');
}
