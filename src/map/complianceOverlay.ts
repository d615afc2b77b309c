import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Feature, Geometry } from 'geojson';
import type { ComplianceRows } from '../core/analysis/compliance';
import type { CoverageResult } from '../core/analysis/coverage';
import type { LayerFeatures } from '../store/layersSlice';
import { selectComplianceRows } from '../store/selectCompliance';
import type { AppState } from '../store/useStore';
import { complianceOrder, NO_FILTER, type ComplianceFilter } from '../store/complianceOrder';
import { memoLast } from '../util/memoLast';
import { DECK_ANCHOR_LAYER } from './offlineStyle';
import { PLANNING_COLORS } from './planningPalette';

export const COMPLIANCE_TAB = 'compliance';

const filtered = memoLast((rows: ComplianceRows, coverage: CoverageResult, fc: LayerFeatures, filter: ComplianceFilter) =>
  Array.from(complianceOrder(rows, coverage, null, filter), (c) => fc.features[c]).filter((f): f is Feature<Geometry, Record<string, unknown>> => !!f?.geometry),
);

/**
 * While the compliance table is open with a filter: the communities it shows, outlined on the map,
 * so the table's rows and the map tell the same story.
 */
export function complianceOverlay(s: AppState, filter: ComplianceFilter): Layer[] {
  if (s.workbenchTab !== COMPLIANCE_TAB || filter === NO_FILTER) return [];
  const rows = selectComplianceRows(s);
  if (!rows || !s.coverage || !s.layers.communities) return [];
  const shown = filtered(rows, s.coverage, s.layers.communities.fc, filter);
  // A filter that keeps every row (e.g. a level's columns only) highlights nothing.
  if (shown.length === rows.communityCount) return [];
  return [
    new GeoJsonLayer({
      id: 'compliance-filtered',
      data: shown as never,
      filled: false,
      stroked: true,
      getLineColor: PLANNING_COLORS.filteredOutline,
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
      beforeId: DECK_ANCHOR_LAYER,
      pickable: false,
    }),
  ];
}
