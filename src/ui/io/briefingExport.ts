import i18n from '../../i18n';
import { briefingBundle, briefingMeta, briefingTables, briefingWorkbook, assignChoiceAttributes, type BriefingMeta } from '../../core/io/export';
import { minCounts } from '../../core/rules';
import { parseLanguage } from '../../core/messages';
import { studyAreaSummary } from '../../core/studyArea';
import { useStore, type AppState } from '../../store/useStore';
import { selectStudyAreaResult } from '../../store/selectResult';
import { selectMonitorTables } from '../../store/selectMonitor';
import { osmAttribution } from '../../store/layersSlice';
import { legendEntries, mapImage, paperMapSize, type Paper } from '../../map/mapImage';
import { dataBounds } from '../../map/dataBounds';
import { bbox as turfBbox } from '@turf/turf';
import { downloadBytes } from '../../util/download';
import { localDate } from '../../core/model';

const stamp = () => localDate();
const lang = () => parseLanguage(i18n.language) ?? 'zh-CN';

/** The OpenStreetMap credit when OSM data is loaded. */
const attribution = (s: AppState) => osmAttribution(s.layers);

function meta(s: AppState): BriefingMeta {
  return briefingMeta({
    lang: lang(),
    place: s.demo ? (lang() === 'zh-CN' ? s.demo.name_zh : s.demo.name_en) : null,
    rules: s.rules,
    inputs: Object.values(s.layers).filter(Boolean).map((l) => `${i18n.t(`layer_${l!.kind}`)}: ${l!.name}`),
    attribution: attribution(s),
  });
}

/** What a map image shows: the view as it is, the whole study area, or the selected community. */
export type ImageExtent = 'view' | 'data' | 'selection';

/** Where the map image looks: null keeps the current view. */
function extentBounds(s: AppState, extent: ImageExtent): [number, number, number, number] | null {
  if (extent === 'data') return dataBounds(s.layers);
  const f = extent === 'selection' && s.selectedCommunity !== null ? s.layers.communities?.fc.features[s.selectedCommunity] : null;
  if (!f?.geometry) return null;
  // the community with its surroundings: its walking radius is what a reader looks for around it
  const [w, so, e, n] = turfBbox(f);
  const m = 0.006;
  return [w - m, so - m, e + m, n + m];
}

/**
 * The map as a PNG with title, legend, scale bar, north arrow, date and credit (issue 12): the view
 * as it is on screen, or a chosen extent (study area, selected community) on a chosen paper (A4/A3,
 * portrait or landscape), at `scale` output pixels per CSS pixel (300 dpi: 300 / 96).
 */
export async function exportMapImage(scale: number, frame: { extent?: ImageExtent; paper?: { paper: Paper; landscape: boolean } | null } = {}): Promise<Blob> {
  const s = useStore.getState();
  const m = meta(s);
  const legend = legendEntries(s, i18n.t, i18n.language);
  const blob = await mapImage({
    title: m.title,
    scale,
    legend,
    footer: `${m.date} · LifeCircle · ${m.lines[0]}`,
    attribution: m.attribution,
    northLabel: i18n.t('bf_north'),
    size: frame.paper ? paperMapSize(frame.paper.paper, frame.paper.landscape, legend.entries.length) : null,
    bounds: frame.extent ? extentBounds(s, frame.extent) : null,
  });
  const paper = frame.paper ? `-${frame.paper.paper}${frame.paper.landscape ? 'L' : 'P'}` : '';
  downloadBytes(blob, `lifecircle-map-${stamp()}${paper}${scale > 1 ? `-${Math.round(scale * 96)}dpi` : ''}.png`, 'image/png');
  return blob;
}

/** The tables (by 街道, category, community, gaps; targets, changes and programme when kept) as an Excel workbook in the UI language. */
export async function exportTables(): Promise<void> {
  const s = useStore.getState();
  const r = selectStudyAreaResult(s);
  if (!r || !s.layers.communities) return;
  const bytes = await briefingWorkbook([...briefingTables(s.layers.communities.fc, r, s.rules, lang()), ...selectMonitorTables(s, lang()).tables], meta(s), lang());
  downloadBytes(bytes, `lifecircle-tables-${stamp()}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

/** Everything in one .zip: GeoJSON, the workbook, CSVs, the summary, the map image and the README. */
export async function exportBundle(): Promise<void> {
  const s = useStore.getState();
  const r = selectStudyAreaResult(s);
  if (!r || !s.layers.communities || !s.layers.facilities) return;
  let png: Uint8Array | null = null;
  try {
    const blob = await mapImage({ title: meta(s).title, scale: 1, legend: legendEntries(s, i18n.t, i18n.language), footer: meta(s).date, attribution: meta(s).attribution, northLabel: i18n.t('bf_north') });
    png = new Uint8Array(await blob.arrayBuffer());
  } catch {
    png = null;
  }
  const layers = { communities: s.layers.communities.fc, facilities: s.layers.facilities.fc, network: s.layers.network?.fc ?? null, parks: s.layers.parks?.fc ?? null, parking: s.layers.parking?.fc ?? null };
  const choice = s.choice && s.choiceFor === s.coverage ? s.choice : null;
  const mins = minCounts(s.rules);
  const bytes = await briefingBundle({
    communities: s.layers.communities.fc, facilities: s.layers.facilities.fc, result: r, rules: s.rules, lang: lang(), meta: meta(s),
    summary: studyAreaSummary(layers, r, s.rules, s.analysisSettings),
    mapPng: png,
    moreTables: selectMonitorTables(s, lang()).tables,
    extra: choice ? (out, c) => assignChoiceAttributes(out, choice, c, mins) : undefined,
  });
  downloadBytes(bytes, `lifecircle-bundle-${stamp()}.zip`, 'application/zip');
}
