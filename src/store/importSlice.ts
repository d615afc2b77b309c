import type { StateCreator } from 'zustand';
import type { LayerKind } from '../core/model';
import type { GeometryFamily } from '../core/io';
import type { ImportProgress, LayerPreview, OsmPreview } from '../worker/importProtocol';
import type { AppState } from './useStore';

/** A problem to show, in both languages (import issues and project errors have this shape). */
export interface ShownIssue {
  severity?: 'error' | 'warning' | 'info';
  message_en: string;
  message_zh: string;
  hint_en: string;
  hint_zh: string;
}

export type ImportPhase =
  | { type: 'idle' }
  | { type: 'reading'; name: string; bytes: number; fraction: number; stage: ImportProgress['stage'] }
  | {
      type: 'layer';
      preview: LayerPreview;
      first: LayerPreview;
      busy: number | null;
      /** 0 for the file's first layer; 1, 2 … while its other geometries go to other layers. */
      pass?: number;
      /** The kind to start with (a follow-up pass), instead of the importer's guess. */
      initialKind?: LayerKind;
      /** Geometry families of this file already loaded by earlier passes. */
      loadedFamilies?: GeometryFamily[];
    }
  | { type: 'osm'; preview: OsmPreview; busy: number | null }
  /** Projected coordinates whose system the importer cannot tell: the user picks it (CrsChooser). */
  | { type: 'crs'; first: LayerPreview }
  | { type: 'failed'; name: string; format: string; issues: ShownIssue[]; warnings: ShownIssue[] };

/** The import flow's state: one file at a time, from reading through its dialog (actions: store/importSession). */
export interface ImportSlice {
  importPhase: ImportPhase;
  /** Files waiting for their turn (one dialog at a time). */
  importQueue: File[];
}

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = () => ({ importPhase: { type: 'idle' }, importQueue: [] });
