/**
 * The timeline as a standalone SVG picture (for Export PNG / SVG): drawn by
 * the same code as the screen, through the SVG painter, with every lane at
 * its natural height (nothing scrolled away) and the view on screen.
 */
import { timelineColors } from './colors';
import { drawStatic } from './scene';
import { layoutLanes, makeViewScale } from './geometry';
import { runMarks } from './marks';
import { SvgPainter } from './painter';
import type { TimelineController } from './timeline-controller';

export interface Picture {
  svg: string;
  width: number;
  height: number;
}

export function timelinePicture(controller: TimelineController, id = 'tl'): Picture | null {
  const model = controller.model;
  const lanes = controller.lanes;
  const concurrency = controller.concurrency;
  if (!model || !lanes || !concurrency || controller.width <= 0) return null;
  const { zoom, width, options } = controller.picture;
  const layout = layoutLanes(model.workers, model.tasks.length, zoom, options);
  const scale = makeViewScale(controller.view(), layout.gutter, controller.scale.width);
  const painter = new SvgPainter(`${id}-export`);
  drawStatic({
    p: painter,
    model,
    layout,
    scale,
    colors: timelineColors(controller.picture.theme),
    now: controller.now(),
    scrollY: 0,
    width,
    lanes,
    concurrency,
    marks: runMarks(model),
    live: false,
  });
  const height = Math.ceil(layout.height);
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${painter.markup()}</svg>`,
    width,
    height,
  };
}
