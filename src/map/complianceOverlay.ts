import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import type { ComplianceRows } from '../core/analysis/compliance';
import type { CoverageResult } from '../core/analysis/coverage';
import type { LayerFeatures } from '../store/layersSlice';
import { complianceOrder, NO_FILTER, type ComplianceFilter } from '../store/complianceOrder';
import { memoLast } from '../util/memoLast';
import { DECK_ANCHOR_LAYER } from './offlineStyle';
import { PLANNING_COLORS } from './planningPalette';
import type { OverlayLayers } from './overlays';

/** What the compliance overlay draws from. */
export interface ComplianceOverlayProps {
  rows: ComplianceRows | null;
  coverage: CoverageResult | null;
  communities: LayerFeatures | null;
  /** the compliance table's filter */
  filter: ComplianceFilter;
}

const filtered = memoLast((rows: ComplianceRows, coverage: CoverageResult, fc: LayerFeatures, filter: ComplianceFilter) =>
  Array.from(complianceOrder(rows, coverage, null, filter), (c) => fc.features[c]).filter((f): f is Feature<Geometry, Record<string, unknown>> => !!f?.geometry),
);

/**
 * While the compliance table is open with a filter: the communities it shows, outlined on the map,
 * so the table's rows and the map tell the same story.
 */
export function complianceOverlay({ rows, coverage, communities, filter }: ComplianceOverlayProps): OverlayLayers | null {
  if (filter === NO_FILTER || !rows || !coverage || !communities) return null;
  const shown = filtered(rows, coverage, communities, filter);
  // A filter that keeps every row (e.g. a level's columns only) highlights nothing.
  if (shown.length === rows.communityCount) return null;
  return {
    above: [
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
  ]
  };
}
