/**
 * F6 / Shift+F6 move the focus from pane to pane (run bar, editor,
 * equivalent program, timeline, terminal, and the side bar when it is open:
 * history or examples), as in VS Code: Tab alone cannot leave the code
 * editor, since there it indents. Panes not on screen are skipped.
 */
import { focusEditor } from '../editor/editor-bridge';

interface PaneStop {
  /** The pane's outer element. */
  region: string;
  focus(): void;
}

const focusFirst = (selector: string) => (): void => {
  document.querySelector<HTMLElement>(selector)?.focus();
};

const STOPS: readonly PaneStop[] = [
  { region: '[data-pane="runbar"]', focus: focusFirst('.runbar select, .runbar input, .runbar button') },
  { region: '[data-pane="editor"]', focus: focusEditor },
  {
    region: '[data-pane="program"]',
    focus: focusFirst('.program-pane [role="tabpanel"], .program-pane .pane__toggle'),
  },
  { region: '[data-pane="timeline"]', focus: focusFirst('.timeline-pane [data-testid="timeline"]') },
  { region: '[data-pane="terminal"]', focus: focusFirst('.terminal-pane textarea, .terminal-pane button') },
  {
    region: '.sidebar[data-pane]',
    focus: focusFirst(
      '.sidebar[data-pane] button, .sidebar[data-pane] input, .sidebar[data-pane] [tabindex="0"]',
    ),
  },
];

function onScreen(stop: PaneStop): boolean {
  const el = document.querySelector<HTMLElement>(stop.region);
  return el !== null && el.getClientRects().length > 0 && !el.closest('[inert]');
}

export function cyclePanes(direction: 1 | -1): void {
  const active = document.activeElement;
  const stops = STOPS.filter(onScreen);
  if (stops.length === 0) return;
  const current = stops.findIndex((stop) => active?.closest(stop.region));
  const next = stops[(current + direction + stops.length) % stops.length] ?? stops[0]!;
  next.focus();
}
