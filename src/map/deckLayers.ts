import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Feature, Geometry } from 'geojson';
import type { LayerKind } from '../core/model';
import type { LoadedLayer, LayerFeatures } from '../store/layersSlice';
import { COLORS, categoryColor, communityColor, type RGBA } from './palette';
import { DECK_ANCHOR_LAYER } from './offlineStyle';

type Props = Record<string, unknown>;
type F = Feature<Geometry, Props>;

/** What the deck.gl layers are derived from: plain state, no store or map objects. */
export interface DeckLayerInput {
  layers: Partial<Record<LayerKind, LoadedLayer>>;
  visible: Record<LayerKind, boolean>;
  hiddenCategories: Record<string, true>;
  selectedCommunity: number | null;
  /** The category in focus: its facilities drawn large on top, the others faded. */
  focusCategory?: string | null;
  oldBeforeYear: number;
  /** Community fill by analysis result instead of built year; `key` changes when colours do. */
  communityColors?: { key: string; color: (index: number) => RGBA } | null;
  /** Analysis overlays below and above the communities, and on top of everything. */
  analysis?: { below: Layer[]; above: Layer[]; top?: Layer[] };
  onHover?: (kind: LayerKind, info: PickingInfo) => void;
  onClick?: (kind: LayerKind, info: PickingInfo) => void;
}

// Filtering 50k facilities on every render would be wasteful; remember the last result per layer.
const filtered = new WeakMap<LayerFeatures, { key: string; features: F[] }>();
function visibleFacilities(fc: LayerFeatures, hidden: Record<string, true>): F[] {
  const key = Object.keys(hidden).sort().join(',');
  const hit = filtered.get(fc);
  if (hit && hit.key === key) return hit.features;
  const features = key ? (fc.features as F[]).filter((f) => !hidden[String(f.properties.category)]) : (fc.features as F[]);
  filtered.set(fc, { key, features });
  return features;
}

// The split keeps its identity while the facilities and the focus stay the same.
const splits = new WeakMap<F[], { focus: string; focused: F[]; others: F[] }>();
function splitByCategory(features: F[], focus: string): { focused: F[]; others: F[] } {
  const hit = splits.get(features);
  if (hit && hit.focus === focus) return hit;
  const focused: F[] = [];
  const others: F[] = [];
  for (const f of features) (String(f.properties.category) === focus ? focused : others).push(f);
  const split = { focus, focused, others };
  splits.set(features, split);
  return split;
}

/** A category colour faded towards the background, for facilities out of focus. */
function faded(c: RGBA): RGBA {
  return [Math.round(c[0] * 0.45 + 244 * 0.55), Math.round(c[1] * 0.45 + 241 * 0.55), Math.round(c[2] * 0.45 + 234 * 0.55), 200];
}

// The selection's data keeps its identity while the same feature stays selected.
let lastSelected: { feature: unknown; data: unknown } | null = null;
function selectedData(feature: F | Feature<Geometry, Record<string, unknown>>): never {
  if (lastSelected?.feature !== feature) lastSelected = { feature, data: { type: 'FeatureCollection', features: [feature] } };
  return lastSelected.data as never;
}

/**
 * Builds the deck.gl layers for the loaded data (a pure function of state; deck.gl diffs by id).
 * Every layer is inserted below the MapLibre labels.
 */
export function buildDeckLayers(input: DeckLayerInput): Layer[] {
  const { layers, visible, hiddenCategories, selectedCommunity, oldBeforeYear, communityColors, analysis, onHover, onClick } = input;
  const out: Layer[] = [...(analysis?.below ?? [])];
  const common = (kind: LayerKind) => ({
    beforeId: DECK_ANCHOR_LAYER,
    pickable: true,
    onHover: onHover ? (info: PickingInfo) => onHover(kind, info) : undefined,
    onClick: onClick ? (info: PickingInfo) => onClick(kind, info) : undefined,
  });

  const parks = layers.parks;
  if (parks && visible.parks) {
    out.push(
      new GeoJsonLayer({
        id: 'parks',
        data: parks.fc as never,
        filled: true,
        // outlines are MapLibre's 'park-outline' layer (cheap); deck.gl strokes are slow to draw
        stroked: false,
        getFillColor: COLORS.park,
        ...common('parks'),
      }),
    );
  }

  // residential buildings (household estimate, issue 15): quiet footprints under the communities
  const buildings = layers.buildings;
  if (buildings && visible.buildings) {
    out.push(
      new GeoJsonLayer({
        id: 'buildings',
        data: buildings.fc as never,
        filled: true,
        stroked: true,
        getFillColor: COLORS.building,
        getLineColor: COLORS.buildingOutline,
        lineWidthUnits: 'pixels',
        getLineWidth: 0.5,
        ...common('buildings'),
        pickable: false,
      }),
    );
  }

  const communities = layers.communities;
  if (communities && visible.communities) {
    out.push(
      new GeoJsonLayer<Props>({
        id: 'communities',
        data: communities.fc as never,
        filled: true,
        // outlines are MapLibre's 'community-outline' layer; only the selection is stroked here
        stroked: false,
        getFillColor: communityColors
          ? (_f: F, { index }: { index: number }) => communityColors.color(index)
          : (f: F) => communityColor(f.properties, oldBeforeYear),
        autoHighlight: true,
        highlightColor: COLORS.hover,
        updateTriggers: { getFillColor: communityColors?.key ?? oldBeforeYear },
        ...common('communities'),
      }),
    );
    const selected = selectedCommunity == null ? null : communities.fc.features[selectedCommunity];
    if (selected) {
      out.push(
        new GeoJsonLayer({
          id: 'selected-community',
          data: selectedData(selected),
          filled: false,
          stroked: true,
          getLineColor: COLORS.selected,
          getLineWidth: 4,
          lineWidthUnits: 'pixels',
          beforeId: DECK_ANCHOR_LAYER,
        }),
      );
    }
  }

  out.push(...(analysis?.above ?? []));

  const parking = layers.parking;
  if (parking && visible.parking) {
    out.push(
      new GeoJsonLayer<Props>({
        id: 'parking',
        data: parking.fc as never,
        filled: true,
        stroked: true,
        pointType: 'circle',
        getFillColor: (f: F) => (f.properties.public === false ? COLORS.parkingPrivate : COLORS.parking),
        getLineColor: [255, 255, 255, 255],
        getPointRadius: (f: F) => 12 + Math.sqrt(Number(f.properties.spaces) || 0),
        pointRadiusUnits: 'meters',
        pointRadiusMinPixels: 4,
        lineWidthMinPixels: 1,
        ...common('parking'),
      }),
    );
  }

  // administrative units (issue 12): their boundaries over the communities, no fill
  const units = layers.units;
  if (units && visible.units) {
    out.push(
      new GeoJsonLayer({
        id: 'units',
        data: units.fc as never,
        filled: false,
        stroked: true,
        getLineColor: COLORS.unitLine,
        lineWidthUnits: 'pixels',
        getLineWidth: 2.5,
        ...common('units'),
        pickable: false,
      }),
    );
  }

  const facilities = layers.facilities;
  if (facilities && visible.facilities) {
    const all = visibleFacilities(facilities.fc, hiddenCategories);
    const focus = input.focusCategory;
    const { focused, others } = focus ? splitByCategory(all, focus) : { focused: [], others: all };
    out.push(
      new GeoJsonLayer<Props>({
        id: 'facilities',
        data: others as never,
        filled: true,
        stroked: true,
        pointType: 'circle',
        getFillColor: focus ? (f: F) => faded(categoryColor(String(f.properties.category))) : (f: F) => categoryColor(String(f.properties.category)),
        getLineColor: focus ? [255, 255, 255, 140] : [255, 255, 255, 255],
        getPointRadius: 14,
        pointRadiusUnits: 'meters',
        pointRadiusMinPixels: focus ? 3 : 4,
        pointRadiusMaxPixels: focus ? 7 : 12,
        lineWidthMinPixels: 1,
        updateTriggers: { getFillColor: focus ?? '', getLineColor: focus ?? '' },
        ...common('facilities'),
      }),
    );
    if (focused.length) {
      out.push(
        new GeoJsonLayer<Props>({
          id: 'facilities-focus',
          data: focused as never,
          filled: true,
          stroked: true,
          pointType: 'circle',
          getFillColor: (f: F) => categoryColor(String(f.properties.category)),
          getLineColor: COLORS.focusOutline,
          getPointRadius: 20,
          pointRadiusUnits: 'meters',
          pointRadiusMinPixels: 6,
          pointRadiusMaxPixels: 14,
          lineWidthMinPixels: 1.5,
          ...common('facilities'),
        }),
      );
    }
  }
  out.push(...(analysis?.top ?? []));
  return out;
}
