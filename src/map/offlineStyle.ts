import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';
import { COLORS } from './palette';

/** Fonts for locally rendered labels (no glyph server: MapLibre draws them with the browser's fonts). */
export const LABEL_FONTS = ['WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];
export const IDEOGRAPH_FONT_FAMILY = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/**
 * deck.gl layers are inserted before this invisible layer, just under the labels. It must render
 * at every zoom: with a label layer as anchor, deck.gl picking fails whenever that layer is outside
 * its zoom range (seen here; visgl/deck.gl#2602).
 */
export const DECK_ANCHOR_LAYER = 'deck-anchor';
/** The id of the first label layer. */
export const FIRST_LABEL_LAYER = 'street-labels';

const EMPTY = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };

/** Street class from our `kind` or OSM `highway`, so demo and imported networks look alike. */
const streetClass: ExpressionSpecification = [
  'let',
  'k',
  ['coalesce', ['get', 'kind'], ['get', 'highway'], 'lane'],
  [
    'match',
    ['var', 'k'],
    ['main', 'secondary', 'primary', 'secondary_link', 'primary_link', 'tertiary', 'tertiary_link', 'trunk', 'trunk_link'],
    'main',
    ['footpath', 'footway', 'path', 'steps', 'pedestrian', 'cycleway', 'bridleway', 'track'],
    'footpath',
    'lane',
  ],
];

/** Line width by zoom for main streets and lanes (zoom must be the outermost expression). */
function widthByClass(main: [number, number], lane: [number, number]): ExpressionSpecification {
  const at = (i: 0 | 1, k: number): ExpressionSpecification => ['match', streetClass, 'main', main[i] * k, lane[i] * k];
  return ['interpolate', ['exponential', 1.6], ['zoom'], 12, at(0, 0.4), 14, at(0, 1), 17, at(1, 1)];
}
const zoomWidth = (z14: number, z17: number): ExpressionSpecification => ['interpolate', ['exponential', 1.6], ['zoom'], 12, z14 * 0.4, 14, z14, 17, z17];

/**
 * The offline basemap, drawn from the loaded data itself: water, streets by class, street names
 * and community names. No remote tiles, glyphs or sprites (DESIGN §9).
 */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'LifeCircle offline',
    sources: { water: EMPTY, network: EMPTY, communities: EMPTY, parks: EMPTY, 'community-labels': EMPTY },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLORS.background } },
      { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': COLORS.water, 'fill-outline-color': COLORS.waterOutline } },
      {
        id: 'street-casing',
        type: 'line',
        source: 'network',
        filter: ['!=', streetClass, 'footpath'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ['match', streetClass, 'main', COLORS.streetMainCasing, COLORS.streetLaneCasing],
          'line-width': widthByClass([7, 20], [3.5, 10]),
        },
      },
      {
        id: 'street-fill',
        type: 'line',
        source: 'network',
        filter: ['!=', streetClass, 'footpath'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ['match', streetClass, 'main', COLORS.streetMain, COLORS.streetLane],
          'line-width': widthByClass([5, 16], [2, 7]),
        },
      },
      {
        id: 'footpaths',
        type: 'line',
        source: 'network',
        filter: ['==', streetClass, 'footpath'],
        paint: { 'line-color': COLORS.footpath, 'line-width': zoomWidth(1, 2), 'line-dasharray': [2, 1.5] },
      },
      { id: DECK_ANCHOR_LAYER, type: 'background', paint: { 'background-color': 'rgba(0,0,0,0)', 'background-opacity': 0 } },
      // Outlines of the deck.gl fills, drawn by MapLibre: deck.gl's stroke (a PathLayer) took ~1.2 s
      // of the first frame under SwiftShader here; MapLibre lines cost next to nothing.
      { id: 'park-outline', type: 'line', source: 'parks', paint: { 'line-color': COLORS.parkOutlineCss, 'line-width': 1 } },
      { id: 'community-outline', type: 'line', source: 'communities', paint: { 'line-color': COLORS.communityOutlineCss, 'line-width': 1 } },
      {
        id: FIRST_LABEL_LAYER,
        type: 'symbol',
        source: 'network',
        minzoom: 13,
        filter: ['all', ['has', 'name'], ['==', streetClass, 'main']],
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          'text-font': LABEL_FONTS,
          'text-size': 12,
          'symbol-spacing': 300,
        },
        paint: { 'text-color': '#555', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
      },
      {
        id: 'community-labels',
        type: 'symbol',
        source: 'community-labels',
        minzoom: 12.5,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': LABEL_FONTS,
          'text-size': ['interpolate', ['linear'], ['zoom'], 12.5, 10, 16, 13],
          'text-max-width': 6,
          'text-padding': 4,
        },
        paint: { 'text-color': '#333', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.5 },
      },
    ],
  };
}

/** MapLibre layer ids that draw each basemap-drawn layer kind (for the layer toggles). */
export const STYLE_LAYERS_BY_KIND = {
  network: ['street-casing', 'street-fill', 'footpaths', FIRST_LABEL_LAYER],
  water: ['water'],
  communities: ['community-outline', 'community-labels'],
  parks: ['park-outline'],
} as const;
