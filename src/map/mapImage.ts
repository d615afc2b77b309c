import type { TFunction } from 'i18next';
import type { AppState } from '../store/useStore';
import { activeMap } from './mapHandle';
import { categoryName } from '../ui/featureText';
import { COLORS, COVERAGE_COLORS, completenessColor, oldCommunityColor, OLD_RAMP_STOPS, rgbaCss, type RGBA } from './palette';
import { SCENARIO_COLORS } from './scenarioPalette';
import { PROGRAMME_COLORS } from './monitorPalette';
import { effectiveColoring } from '../store/mapViews';
import { PROGRAMME_STATUSES } from '../core/model';
import { CHOICE_COLORS, SURFACE_BINS, SURFACE_UNREACHABLE } from './accessPalette';

/** One legend swatch. */
export interface LegendEntry {
  color: RGBA;
  label: string;
}

/** What the community colouring and the layers on the map mean, for the exported image's legend. */
export function legendEntries(s: AppState, t: TFunction, lang: string): { title: string; entries: LegendEntry[] } {
  const { title, entries } = coloringLegend(s, t, lang);
  if (s.surface && s.workbenchView.overlay === 'access') {
    entries.push(...SURFACE_BINS.map((b, i) => ({ color: b.color, label: Number.isFinite(b.upTo) ? `${i ? SURFACE_BINS[i - 1].upTo : 0}–${b.upTo} min` : `> ${SURFACE_BINS[i - 1].upTo} min` })), { color: SURFACE_UNREACHABLE, label: t('ac_surface_unreachable') });
  }
  if (s.layers.parks && s.visible.parks) entries.push({ color: COLORS.park, label: t('layer_parks') });
  if (s.layers.parking && s.visible.parking) entries.push({ color: COLORS.parking, label: t('layer_parking') });
  return { title, entries };
}

/** What the community colouring means: the on-screen legend's and the image legend's first entries. */
export function coloringLegend(s: Pick<AppState, 'coverage' | 'coloring' | 'activeCategory' | 'rules' | 'snapshots' | 'snapshotPair' | 'layers'>, t: TFunction, lang: string): { title: string; entries: LegendEntry[] } {
  const cat = s.activeCategory ? categoryName(s.rules, s.activeCategory, lang) : '';
  let title: string, entries: LegendEntry[];
  switch (effectiveColoring(s)) {
    case 'category':
      title = cat;
      entries = (['covered', 'notCovered', 'unreachable'] as const).map((k) => ({ color: COVERAGE_COLORS[k], label: t(k === 'notCovered' ? 'not_covered' : k) }));
      break;
    case 'level':
      title = t('completeness_legend');
      entries = [0, 0.5, 1].map((v) => ({ color: completenessColor(v), label: `${Math.round(v * 100)}%` }));
      break;
    case 'change':
      title = t('sc_tab');
      entries = [{ color: SCENARIO_COLORS.gain, label: t('sc_legend_gain') }, { color: SCENARIO_COLORS.loss, label: t('sc_legend_loss') }, { color: SCENARIO_COLORS.both, label: t('sc_legend_both') }];
      break;
    case 'snapshot':
      title = t('tg_legend_title');
      entries = [
        { color: SCENARIO_COLORS.gain, label: t('sc_legend_gain') }, { color: SCENARIO_COLORS.loss, label: t('sc_legend_loss') }, { color: SCENARIO_COLORS.both, label: t('sc_legend_both') },
        { color: SCENARIO_COLORS.added, label: t('tg_legend_added') }, { color: SCENARIO_COLORS.deleted, label: t('tg_legend_removed') },
      ];
      break;
    case 'programme':
      title = t('pg_legend_title');
      entries = [...PROGRAMME_STATUSES.map((k) => ({ color: PROGRAMME_COLORS[k], label: t(`pg_status_${k}`) })), { color: PROGRAMME_COLORS.notOld, label: t('pg_legend_not_old') }];
      break;
    case 'choice':
      title = t('ac_count_legend', { category: cat });
      entries = CHOICE_COLORS.map((c, i) => ({ color: c, label: i === 3 ? t('ac_count_3') : String(i) }));
      break;
    default:
      title = t('legend_built_year');
      entries = [
        ...OLD_RAMP_STOPS.map((y) => ({ color: oldCommunityColor(y, s.rules.old_before_year), label: String(y) })),
        { color: COLORS.communityNew, label: t('legend_new', { year: s.rules.old_before_year }) },
      ];
  }
  return { title, entries };
}

/** A round length for a scale bar at most `max` metres: 1, 2 or 5 × 10^n. */
export function niceLength(max: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(max, 1e-9)));
  return [5, 2, 1].map((m) => m * p).find((x) => x <= max) ?? p;
}

/** Metres per CSS pixel at the map's centre (Web Mercator, 512-px tiles). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface MapImageOptions {
  title: string;
  /** output pixels per CSS pixel: 1 (screen), 2, or dpi / 96 for print (300 dpi ≈ 3.1) */
  scale: number;
  legend: { title: string; entries: LegendEntry[] };
  /** e.g. "2026-12-07 · 数据：…" */
  footer: string;
  attribution: string | null;
  northLabel: string;
  /** the map area's size in CSS pixels (a paper size: paperMapSize); default the map as it is on screen */
  size?: { width: number; height: number } | null;
  /** the extent to show, [west, south, east, north]; default the current view */
  bounds?: [number, number, number, number] | null;
}

/** Paper sizes in millimetres, portrait (ISO 216). */
export const PAPER_MM = { A4: [210, 297], A3: [297, 420] } as const;
export type Paper = keyof typeof PAPER_MM;

/** The frame around the map (CSS px): side padding, title band, footer band for `legendEntries` swatches. */
function frameOf(legendEntries: number) {
  return { pad: 16, head: 44, foot: 30 + 20 * Math.ceil((legendEntries + 1) / 6) + 30 };
}

/**
 * The map area's CSS size so that the whole image — map, title, legend and footer — is the paper
 * at 96 CSS px per inch (the image's pixels are this × dpi / 96).
 */
export function paperMapSize(paper: Paper, landscape: boolean, legendEntries: number): { width: number; height: number } {
  const [a, b] = PAPER_MM[paper];
  const [wMm, hMm] = landscape ? [b, a] : [a, b];
  const px = (mm: number) => Math.round((mm / 25.4) * 96);
  const f = frameOf(legendEntries);
  return { width: px(wMm) - 2 * f.pad, height: px(hMm) - f.head - f.foot };
}

const FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/**
 * The current map view as a PNG (issue 12): MapLibre draws deck.gl's layers into its own canvas
 * (interleaved), so one canvas holds both; it is redrawn at `scale` × the screen's pixels (MapLibre's
 * pixel ratio), then framed with a title, a legend of what is shown, a scale bar, a north arrow,
 * the date and sources, and the data credit. The view is restored afterwards.
 */
export async function mapImage(o: MapImageOptions): Promise<Blob> {
  const map = activeMap();
  if (!map) throw new Error('the map is not ready');
  const before = map.getPixelRatio();
  const ratio = Math.min(8, Math.max(1, o.scale) * (window.devicePixelRatio || 1));
  // a chosen size or extent: the map's box is set to the size for the capture, fitted to the extent, and put back after
  const box = map.getContainer();
  const boxStyle = box.style.cssText;
  const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  const reframed = !!(o.size || o.bounds);
  try {
    if (o.size) {
      box.style.width = `${o.size.width}px`;
      box.style.height = `${o.size.height}px`;
      box.style.flex = 'none';
      map.resize();
    }
    if (o.bounds) map.fitBounds(o.bounds, { padding: 24, animate: false });
    if (ratio !== before) map.setPixelRatio(ratio);
    await new Promise<void>((done) => {
      map.once('idle', () => done());
      map.triggerRepaint();
    });
    const src = map.getCanvas();
    const w = src.width, h = src.height, k = ratio;
    const frame = frameOf(o.legend.entries.length);
    const pad = Math.round(frame.pad * k), head = Math.round(frame.head * k), foot = Math.round(frame.foot * k);
    const out = document.createElement('canvas');
    out.width = w + 2 * pad;
    out.height = h + head + foot;
    const g = out.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, out.width, out.height);
    g.drawImage(src, pad, head);
    g.strokeStyle = '#444';
    g.lineWidth = Math.max(1, k);
    g.strokeRect(pad, head, w, h);
    g.fillStyle = '#222';
    g.font = `bold ${Math.round(20 * k)}px ${FONT}`;
    g.fillText(o.title, pad, Math.round(30 * k));

    // north arrow (top right of the map), turned with the map's bearing
    const cx = pad + w - 28 * k, cy = head + 36 * k;
    g.save();
    g.translate(cx, cy);
    g.rotate((-map.getBearing() * Math.PI) / 180);
    g.fillStyle = 'rgba(255,255,255,0.85)';
    g.beginPath();
    g.arc(0, 0, 20 * k, 0, 2 * Math.PI);
    g.fill();
    g.fillStyle = '#222';
    g.beginPath();
    g.moveTo(0, -16 * k);
    g.lineTo(7 * k, 8 * k);
    g.lineTo(0, 3 * k);
    g.lineTo(-7 * k, 8 * k);
    g.closePath();
    g.fill();
    g.restore();
    g.font = `${Math.round(11 * k)}px ${FONT}`;
    g.fillStyle = '#222';
    g.fillText(o.northLabel, cx - 4 * k, cy + 32 * k);

    // scale bar (bottom left of the map)
    const mpp = metresPerPixel(map.getCenter().lat, map.getZoom());
    const len = niceLength(mpp * 160);
    const px = (len / mpp) * k;
    const sx = pad + 14 * k, sy = head + h - 18 * k;
    g.fillStyle = 'rgba(255,255,255,0.85)';
    g.fillRect(sx - 6 * k, sy - 18 * k, px + 12 * k + 50 * k, 26 * k);
    g.fillStyle = '#222';
    g.fillRect(sx, sy, px, 3 * k);
    g.fillRect(sx, sy - 6 * k, 2 * k, 9 * k);
    g.fillRect(sx + px - 2 * k, sy - 6 * k, 2 * k, 9 * k);
    g.fillText(len >= 1000 ? `${len / 1000} km` : `${len} m`, sx + px + 6 * k, sy + 3 * k);

    // legend, then the footer lines
    let x = pad, y = head + h + 22 * k;
    g.font = `bold ${Math.round(12 * k)}px ${FONT}`;
    g.fillText(o.legend.title, x, y);
    x += g.measureText(o.legend.title).width + 14 * k;
    g.font = `${Math.round(12 * k)}px ${FONT}`;
    for (const e of o.legend.entries) {
      const wLabel = g.measureText(e.label).width + 30 * k;
      if (x + wLabel > out.width - pad) {
        x = pad;
        y += 20 * k;
      }
      g.fillStyle = rgbaCss(e.color);
      g.fillRect(x, y - 10 * k, 14 * k, 12 * k);
      g.fillStyle = '#222';
      g.fillText(e.label, x + 18 * k, y);
      x += wLabel;
    }
    g.fillStyle = '#555';
    g.font = `${Math.round(11 * k)}px ${FONT}`;
    g.fillText([o.footer, o.attribution].filter(Boolean).join(' · '), pad, out.height - 12 * k);
    return await new Promise<Blob>((done, fail) => out.toBlob((b) => (b ? done(b) : fail(new Error('the image could not be made'))), 'image/png'));
  } finally {
    if (map.getPixelRatio() !== before) map.setPixelRatio(before);
    if (reframed) {
      box.style.cssText = boxStyle;
      map.resize();
      map.jumpTo(camera);
    }
  }
}
