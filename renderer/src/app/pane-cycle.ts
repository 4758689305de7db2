/**
 * F6 / Shift+F6 move the focus from pane to pane (run bar, editor, timeline,
 * terminal), as in VS Code: Tab alone cannot leave the code editor, since
 * there it indents.
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
  { region: '.runbar', focus: focusFirst('.runbar select, .runbar input, .runbar button') },
  { region: '.editor-pane', focus: focusEditor },
  { region: '.timeline-pane', focus: focusFirst('.timeline-pane [data-testid="timeline"]') },
  { region: '.terminal-pane', focus: focusFirst('.terminal-pane textarea, .terminal-pane button') },
];

export function cyclePanes(direction: 1 | -1): void {
  const active = document.activeElement;
  const current = STOPS.findIndex((stop) => active?.closest(stop.region));
  const next = STOPS[(current + direction + STOPS.length) % STOPS.length] ?? STOPS[0]!;
  next.focus();
}
