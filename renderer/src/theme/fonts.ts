/** Font stacks, shared by CSS-less consumers (Monaco, xterm, the timeline's SVG text). */
export const FONT_MONO =
  '"Cascadia Mono", "JetBrains Mono", "Fira Code", "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace';

/** Width of one character of FONT_MONO, as a fraction of the font size (for fitting labels). */
export const MONO_CHAR_WIDTH = 0.62;
