import type { Layer } from '@deck.gl/core';
import type { AppState } from '../store/useStore';
import { selectComplianceRows } from '../store/selectCompliance';
import { selectRenovation } from '../store/selectRenovation';
import { rankingOverlay } from './rankingOverlay';
import { parksOverlay } from './parksOverlay';
import { parkingOverlay } from './parkingOverlay';
import { gapGridData, gapGridOverlay, type GapPoint } from './gapGridOverlay';
import { complianceOverlay } from './complianceOverlay';
import { searchHitOverlay } from './searchHitOverlay';
import { scenarioOverlay } from './scenarioOverlay';
import { activeScenario } from '../store/scenarioActions';
import { surfaceOverlay } from './surfaceOverlay';
import { snapshotOverlay } from './snapshotOverlay';
import { selectSnapshotCompare } from '../store/selectMonitor';

/**
 * Extra deck.gl layers of one feature area. `below` goes under the communities, `above` over them
 * (under facilities and labels), `top` over everything, labels included.
 */
export interface OverlayLayers {
  below?: Layer[];
  above?: Layer[];
  top?: Layer[];
}

/** The renovation scores, or null when the weights are not valid for the rule set (the ranking view says so). */
function renovationOrNull(s: AppState) {
  try {
    return selectRenovation(s);
  } catch {
    return null;
  }
}

/** The gap grid's points for the current state (what the map aggregates), or null when the gap map's grid is not shown. */
export function selectGapGridPoints(s: AppState): GapPoint[] | null {
  if (s.workbenchView.overlay !== 'gapGrid') return null;
  return gapGridData({
    grid: s.gapGrid,
    coverage: s.coverage,
    population: s.weights?.population,
    communities: s.layers.communities?.fc ?? null,
    id: s.gapGrid === 'category' ? s.activeCategory : s.activeLevel,
  });
}

/**
 * The open view's overlay, built from the narrow props it draws: the one place overlays read the
 * store. Each overlay is a pure function of its props that memoises its layer data (util/memoLast),
 * since the map calls this on every store change.
 */
function viewOverlay(s: AppState): OverlayLayers | null {
  const communities = s.layers.communities?.fc ?? null;
  switch (s.workbenchView.overlay) {
    case 'parks':
      return parksOverlay({
        parks: s.parks,
        serviceAreas: s.parks && s.parkServiceAreas?.of === s.parks ? s.parkServiceAreas.features : null,
        detour: s.analysisSettings.detour,
        parkLayer: s.layers.parks?.fc ?? null,
        communities,
      });
    case 'parking':
      return parkingOverlay({ parking: s.parking, communities, households: s.weights?.households });
    case 'ranking':
      return rankingOverlay({ renovation: renovationOrNull(s), population: s.weights?.population, communities, topN: s.rankingTopN });
    case 'gapGrid':
      return gapGridOverlay({ points: selectGapGridPoints(s), radius: s.gapGridRadius });
    case 'scenario': {
      const tool = s.scenarioTool;
      return scenarioOverlay({
        edits: activeScenario(s)?.edits ?? null,
        facilities: s.layers.facilities?.fc ?? null,
        moving: tool?.kind === 'move' ? tool.target : null,
        movingTo: tool?.kind === 'move' ? (tool.at ?? null) : null,
        suggestion: s.suggestion,
        candidateArea: s.suggestionArea,
        candidatePoints: s.suggestionPoints,
      });
    }
    case 'access':
      return surfaceOverlay({ surface: s.surface, cell: s.surfaceCell });
    case 'snapshot': {
      const cmp = selectSnapshotCompare(s)?.cmp ?? null;
      return snapshotOverlay({ added: cmp?.facilitiesAdded ?? null, removed: cmp?.facilitiesRemoved ?? null });
    }
    case 'compliance':
      return complianceOverlay({ rows: selectComplianceRows(s), coverage: s.coverage, communities, filter: s.complianceFilter });
    default:
      return null;
  }
}

/** Every overlay of the current state: the open view's, then the map search's ring. */
export function collectOverlays(s: AppState): { below: Layer[]; above: Layer[]; top: Layer[] } {
  const below: Layer[] = [];
  const above: Layer[] = [];
  const top: Layer[] = [];
  for (const r of [viewOverlay(s), searchHitOverlay({ found: s.foundFacility, facilities: s.layers.facilities?.fc ?? null })]) {
    if (r?.below) below.push(...r.below);
    if (r?.above) above.push(...r.above);
    if (r?.top) top.push(...r.top);
  }
  return { below, above, top };
}
