/**
 * The side bar's views, in activity-bar order. Each view is a button in the
 * activity bar and a panel in the side bar. (Run history and comparison will
 * be added here as views of their own.)
 */
import type { ComponentType } from 'react';

export interface SideView {
  id: string;
  label: string;
  icon: ComponentType;
  panel: ComponentType;
}
