import { ScatterplotLayer } from '@deck.gl/layers';
import type { Snapshot } from '../core/monitor';
import { memoLast } from '../util/memoLast';
import { SCENARIO_COLORS } from './scenarioPalette';
import type { OverlayLayers } from './overlays';

interface Mark {
  position: [number, number];
  added: boolean;
}

const marks = memoLast((added: Snapshot['facilities'] | null, removed: Snapshot['facilities'] | null): Mark[] => [
  ...(removed ?? []).map((f) => ({ position: [f[2], f[3]] as [number, number], added: false })),
  ...(added ?? []).map((f) => ({ position: [f[2], f[3]] as [number, number], added: true })),
]);

/**
 * While the targets view compares two snapshots: the facilities added between them (green) and
 * removed (red), as in the scenario view, over everything.
 */
export function snapshotOverlay({ added, removed }: { added: Snapshot['facilities'] | null; removed: Snapshot['facilities'] | null }): OverlayLayers | null {
  const data = marks(added, removed);
  if (!data.length) return null;
  return {
    top: [
      new ScatterplotLayer<Mark>({
        id: 'snapshot-facilities',
        data,
        getPosition: (d) => d.position,
        getRadius: 8,
        radiusUnits: 'pixels',
        getFillColor: (d) => (d.added ? SCENARIO_COLORS.added : SCENARIO_COLORS.deleted),
        getLineColor: SCENARIO_COLORS.outline,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        stroked: true,
        pickable: false,
      }),
    ],
  };
}
