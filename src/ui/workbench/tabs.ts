import type { ComponentType } from 'react';

/** A view of the bottom workbench drawer (compliance table, ranking, dashboard, rules...). */
export interface WorkbenchTab {
  id: string;
  /** i18n key of the tab label */
  label: string;
  Component: ComponentType;
}

/**
 * The workbench views, in display order. Each view lives in its own file under src/ui/workbench/
 * and is registered here with one line.
 */
export const WORKBENCH_TABS: WorkbenchTab[] = [];
