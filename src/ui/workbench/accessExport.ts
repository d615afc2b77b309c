import type { TFunction } from 'i18next';
import { surfaceFeatures } from '../../core/analysis/surface';
import { withAttribution } from '../../core/io/export';
import type { RuleSet } from '../../core/rules';
import type { AccessSurface } from '../../worker/protocol';
import type { SurfaceChoice } from '../../store/accessSlice';
import { useStore } from '../../store/useStore';
import { osmAttribution } from '../../store/layersSlice';
import { downloadBytes, downloadText, fileSafe } from '../../util/download';
import { SURFACE_BINS, SURFACE_UNREACHABLE } from '../../map/accessPalette';
import { rgbaCss } from '../../map/palette';
import { surfaceImage } from '../../map/surfaceOverlay';
import { categoryName } from '../featureText';
import { localDate } from '../../core/model';

type Shown = AccessSurface & { request: SurfaceChoice };

/** What the surface measures, in words, and a file-name piece. */
function subject(s: Shown, rules: RuleSet, lang: string): { title: string; file: string } {
  const of = s.request.of;
  if ('categoryId' in of) return { title: categoryName(rules, of.categoryId, lang), file: of.categoryId };
  const l = rules.levels.find((x) => x.id === of.levelId);
  return { title: l ? (lang.startsWith('zh') ? l.name_zh : l.name_en) : of.levelId, file: of.levelId };
}

/** The OpenStreetMap credit when OSM data is loaded (as the other exports). */
const attribution = () => osmAttribution(useStore.getState().layers);

/** The surface as GeoJSON squares (core surfaceFeatures: dist_m, minutes, each part's dist_<k>). */
export function exportSurfaceGeoJson(s: Shown, rules: RuleSet, lang: string): void {
  const fc = { type: 'FeatureCollection', features: surfaceFeatures(s.grid, s.value, s.metresPerMinute, s.parts) };
  downloadText(withAttribution(JSON.stringify(fc), attribution()), `surface_${fileSafe(subject(s, rules, lang).file)}_${s.grid.cell}m.geojson`, 'application/geo+json');
}

/**
 * The surface as a PNG: the cells (each at least 3 px), a title, the legend in minutes, the date
 * and the data credit. Planners paste it into briefings (issue 12 makes the full map image).
 */
export function exportSurfacePng(s: Shown, rules: RuleSet, lang: string, t: TFunction): void {
  const img = surfaceImage(s);
  const scale = Math.max(1, Math.min(8, Math.floor(2400 / Math.max(img.width, img.height)) || 1), img.width < 800 ? 3 : 1);
  const w = img.width * scale, h = img.height * scale;
  const pad = 16, head = 44, foot = 64;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(w + 2 * pad, 520);
  canvas.height = h + head + foot;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  const cells = document.createElement('canvas');
  cells.width = img.width;
  cells.height = img.height;
  cells.getContext('2d')!.putImageData(img, 0, 0);
  g.imageSmoothingEnabled = false;
  g.drawImage(cells, pad, head, w, h);
  g.fillStyle = '#222';
  g.font = '18px "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';
  g.fillText(`${t('ac_surface')} · ${subject(s, rules, lang).title} · ${s.grid.cell} m`, pad, 28);
  g.font = '12px "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';
  let x = pad;
  const y = head + h + 18;
  const swatch = (color: string, label: string) => {
    g.fillStyle = color;
    g.fillRect(x, y - 10, 14, 12);
    g.fillStyle = '#222';
    g.fillText(label, x + 18, y);
    x += 22 + g.measureText(label).width + 10;
  };
  g.fillText(t('ac_surface_minutes', { speed: s.metresPerMinute }), x, y);
  x += g.measureText(t('ac_surface_minutes', { speed: s.metresPerMinute })).width + 12;
  SURFACE_BINS.forEach((b, i) => swatch(rgbaCss(b.color), Number.isFinite(b.upTo) ? `${i === 0 ? 0 : SURFACE_BINS[i - 1].upTo}–${b.upTo}` : `> ${SURFACE_BINS[i - 1].upTo}`));
  swatch(rgbaCss(SURFACE_UNREACHABLE), t('ac_surface_unreachable'));
  g.fillStyle = '#555';
  g.fillText(`${localDate()} · LifeCircle${attribution() ? ` · ${attribution()}` : ''}`, pad, head + h + 44);
  canvas.toBlob((blob) => {
    if (blob) downloadBytes(blob, `surface_${fileSafe(subject(s, rules, lang).file)}_${s.grid.cell}m.png`, 'image/png');
  }, 'image/png');
}
