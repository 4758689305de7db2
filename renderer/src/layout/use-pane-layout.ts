/**
 * Pane sizes that survive a restart: a group's starting layout comes from
 * the workspace's `layout` (sizes in panel order, percent), and every
 * finished resize is written back.
 */
import { useState } from 'react';
import type { Layout } from 'react-resizable-panels';
import { useApp } from '../app/app-context';

export function usePaneLayout(groupId: string, panelIds: readonly string[]) {
  const { workspace } = useApp();
  const [defaultLayout] = useState<Layout | undefined>(() => {
    const saved = workspace.state.layout[groupId];
    if (!saved || saved.length !== panelIds.length) return undefined;
    const total = saved.reduce((a, b) => a + b, 0);
    if (!saved.every((n) => Number.isFinite(n) && n >= 0) || Math.abs(total - 100) > 1) return undefined;
    return Object.fromEntries(panelIds.map((id, i) => [id, saved[i]!]));
  });

  const onLayoutChanged = (layout: Layout): void => {
    const sizes = panelIds.map((id) => Math.round((layout[id] ?? 0) * 100) / 100);
    const current = workspace.state.layout[groupId];
    if (current && current.length === sizes.length && current.every((n, i) => Math.abs(n - sizes[i]!) < 0.05))
      return;
    workspace.update((ws) => ({ layout: { ...ws.layout, [groupId]: sizes } }));
  };

  return { defaultLayout, onLayoutChanged };
}
