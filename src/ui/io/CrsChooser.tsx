import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { distance } from '@turf/turf';
import {
  canPrefixZone,
  crsId,
  crsLabel,
  datumNote,
  findPlace,
  parseCrsId,
  suggestProjectedCrs,
  SUPPORTED_EPSG_TEXT,
  type CrsDef,
  type Datum,
  type PlaceHint,
} from '../../core/io/crs';
import type { SourceCrs } from '../../core/io';
import type { LayerPreview } from '../../worker/importProtocol';
import { useStore } from '../../store/useStore';
import { dataBounds } from '../../map/dataBounds';
import { clearCrsPreview, showCrsPreview } from '../../map/crsPreview';
import { fmt } from '../featureText';
import { IssueList } from './IssueList';
import { acceptCrs, chooseCrsAgain, dismissImport, previewCrs } from '../../store/importSession';
import type { ImportPhase } from '../../store/importSlice';
import './CrsChooser.css';

type Family = 'gk' | 'web-mercator' | 'epsg';
const DATUMS: readonly Datum[] = ['cgcs2000', 'xian80', 'beijing54'];
const PREVIEW_FEATURES = 5000;
/** A preview centre farther than this from the typed place is flagged as probably wrong. */
const FAR_KM = 60;

// Reads of the worker run one after another, so its kept features are always those of the last
// system asked for (the ones confirming will load), whatever order the user clicks in.
let chain: Promise<unknown> = Promise.resolve();
function inTurn<T>(task: () => Promise<T>): Promise<T> {
  const p = chain.then(task, task);
  chain = p.catch(() => undefined);
  return p;
}

interface Form {
  family: Family;
  datum: Datum;
  width: 3 | 6;
  cm: string;
  zonePrefix: boolean;
  epsg: string;
}

/** The system the form describes, or null with the reason key. */
function formDef(f: Form): { def: CrsDef | null; error?: string } {
  if (f.family === 'web-mercator') return { def: { type: 'web-mercator' } };
  if (f.family === 'epsg') {
    const code = f.epsg.replace(/^\s*epsg:?\s*/i, '').trim();
    if (!code) return { def: null };
    const def = /^\d{4,6}$/.test(code) ? parseCrsId(`EPSG:${code}`) : null;
    return def ? { def } : { def: null, error: 'crs_epsg_unknown' };
  }
  const cm = Number(f.cm.replace(',', '.'));
  if (!f.cm.trim() || !(cm >= 70 && cm <= 140)) return { def: null, error: 'crs_cm_invalid' };
  const zonePrefix = f.zonePrefix && canPrefixZone(f.width, cm);
  return { def: { type: 'gk', datum: f.datum, width: f.width, cm: Math.round(cm * 1e4) / 1e4, zonePrefix } };
}

function formOf(def: CrsDef, prev: Form): Form {
  if (def.type === 'web-mercator') return { ...prev, family: 'web-mercator' };
  if (def.type === 'geographic') return prev;
  return { ...prev, family: 'gk', datum: def.datum, width: def.width, cm: String(def.cm), zonePrefix: def.zonePrefix };
}

/**
 * The coordinate-system chooser (issue 8 item 6): for projected metres the importer cannot place
 * (Gauss-Krüger without zone number, unknown grids) or to override its automatic choice. Offers
 * CGCS2000 / Xi'an 80 / Beijing 54 Gauss-Krüger by central meridian (3°/6°, zone prefix or not),
 * Web Mercator and EPSG codes from the one table in core; suggests the meridian from the zone
 * prefix, a typed place or the loaded layers; previews the converted features on the map (framed)
 * before the user confirms. Cancel removes the preview and puts the camera back: nothing changes.
 * A side panel, not a modal, so the map stays visible.
 */
export function CrsChooser({ phase }: { phase: Extract<ImportPhase, { type: 'crs' }> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const { first } = phase;
  const bbox = first.crs.projectedBbox ?? [0, 0, 0, 0];
  const [place, setPlace] = useState('');
  const [form, setForm] = useState<Form>(() => ({ family: 'gk', datum: 'cgcs2000', width: 3, cm: '', zonePrefix: bbox[0] >= 1e7, epsg: '' }));
  const layers = useStore((s) => s.layers);
  const panel = useRef<HTMLElement>(null);

  const typed = place.trim() ? findPlace(place) : null;
  // The user's own layers (not the demo) hint at the area, for the standard zones only.
  const loaded = useMemo(() => dataBounds(Object.fromEntries(Object.entries(layers).filter(([, l]) => l && l.source !== 'demo'))), [layers]);
  const hint: PlaceHint | null = typed
    ? { lon: typed.lon, name_en: typed.en, name_zh: typed.zh }
    : !place.trim() && loaded
      ? { lon: Math.round(((loaded[0] + loaded[2]) / 2) * 100) / 100, name_en: t('crs_place_loaded'), name_zh: t('crs_place_loaded') }
      : null;
  const hints = useMemo(
    () => suggestProjectedCrs(bbox, { place: hint, datum: form.datum, localMeridian: !!typed }),
    [bbox[0], bbox[1], bbox[2], bbox[3], hint?.lon, hint?.name_en, form.datum, !!typed],
  );

  // First suggestion pre-selected when the form has no meridian yet: from the zone number or a
  // typed place, never from other layers alone (that would only echo where they are).
  useEffect(() => {
    const c = hints.candidates[0];
    const fromLayers = !typed && !(bbox[0] >= 1e7);
    if (c && !fromLayers && form.family === 'gk' && !form.cm) setForm((f) => formOf(c.def, f));
  }, [hints]);

  const { def, error } = formDef(form);
  const id = def ? crsId(def) : null;
  const [result, setResult] = useState<{ id: string; preview: LayerPreview; bounds: [number, number, number, number] | null; count: number } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    let live = true;
    setBusy(true);
    void inTurn(() => previewCrs(id as SourceCrs, PREVIEW_FEATURES)).then(({ preview, sample }) => {
      if (!live || useStore.getState().importPhase !== phase) return;
      const cover = panel.current?.getBoundingClientRect() ?? null;
      const bounds = sample ? showCrsPreview(sample, cover) : (showCrsPreview({ type: 'FeatureCollection', features: [] }), null);
      setResult({ id, preview, bounds, count: preview.featureCount });
      setBusy(false);
    }).catch(() => {
      if (live) setBusy(false);
    });
    return () => {
      live = false;
    };
  }, [id]);

  const cancel = () => {
    clearCrsPreview(true);
    dismissImport();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && cancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const ready = !!result && result.id === id && result.preview.ok && !busy;
  const accept = () => {
    if (!ready || !result) return;
    clearCrsPreview(false);
    acceptCrs(result.preview);
  };

  const centre = result?.bounds ? [(result.bounds[0] + result.bounds[2]) / 2, (result.bounds[1] + result.bounds[3]) / 2] : null;
  const km = centre && typed ? Math.round(distance(centre, [typed.lon, typed.lat], { units: 'kilometers' })) : null;
  const note = def ? datumNote(def) : null;
  const zoneOk = form.family === 'gk' && canPrefixZone(form.width, Number(form.cm));
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <aside ref={panel} className="crs-chooser" role="dialog" aria-label={t('crs_title')} data-testid="crs-chooser">
      <header>
        <h2>{t('crs_title')}</h2>
        <button type="button" className="close" onClick={cancel} aria-label={t('close')}>×</button>
      </header>
      <div className="crs-body">
        <p className="small">{t('crs_intro', { name: first.name, xmin: fmt(Math.round(bbox[0])), xmax: fmt(Math.round(bbox[2])), ymin: fmt(Math.round(bbox[1])), ymax: fmt(Math.round(bbox[3])) })}</p>
        {hints.latitude !== null && <p className="small muted">{t('crs_latitude', { lat: hints.latitude })} {hints.spreadKm && t('crs_spread', { west: hints.spreadKm[0], east: hints.spreadKm[1] })}</p>}

        <label className="crs-field">
          <span>{t('crs_place')}</span>
          <input type="text" value={place} onChange={(e) => setPlace(e.target.value)} placeholder={t('crs_place_placeholder')} data-testid="crs-place" />
        </label>
        {place.trim() && !typed && <p className="hint small">{t('crs_place_unknown', { place: place.trim() })}</p>}
        {!place.trim() && hint && <p className="small muted">{t('crs_place_using_loaded', { name: hint.name_zh, lon: hint.lon })}</p>}

        <h3>{t('crs_suggestions')}</h3>
        {hints.candidates.length === 0 ? (
          <p className="small muted">{t('crs_no_suggestion')}</p>
        ) : (
          <ul className="crs-candidates" data-testid="crs-candidates">
            {hints.candidates.map((c) => (
              <li key={c.id} className={c.id === id ? 'active' : ''}>
                <button type="button" onClick={() => setForm((f) => formOf(c.def, f))} data-testid={`crs-candidate-${c.id}`}>
                  {t('crs_use_candidate')}
                </button>
                <span>
                  <strong>{crsLabel(c.def, lang)}</strong>
                  <br />
                  <span className="small muted">{lang === 'zh' ? c.reason_zh : c.reason_en}</span>
                </span>
              </li>
            ))}
          </ul>
        )}

        <h3>{t('crs_family')}</h3>
        <div className="io-radio" role="radiogroup">
          {(['gk', 'web-mercator', 'epsg'] as const).map((f) => (
            <label key={f}>
              <input type="radio" name="crs-family" checked={form.family === f} onChange={() => set({ family: f })} data-testid={`crs-family-${f}`} />
              {t(`crs_family_${f === 'web-mercator' ? 'webmerc' : f}`)}
            </label>
          ))}
        </div>
        {form.family === 'gk' && (
          <div className="crs-grid">
            <span>{t('crs_datum')}</span>
            <div className="io-radio">
              {DATUMS.map((d) => (
                <label key={d}>
                  <input type="radio" name="crs-datum" checked={form.datum === d} onChange={() => set({ datum: d })} data-testid={`crs-datum-${d}`} />
                  {t(`crs_datum_${d}`)}
                </label>
              ))}
            </div>
            <span>{t('crs_width')}</span>
            <div className="io-radio">
              {([3, 6] as const).map((w) => (
                <label key={w}>
                  <input type="radio" name="crs-width" checked={form.width === w} onChange={() => set({ width: w })} data-testid={`crs-width-${w}`} />
                  {t(`crs_width_${w}`)}
                </label>
              ))}
            </div>
            <span>{t('crs_cm')}</span>
            <input type="text" inputMode="decimal" value={form.cm} onChange={(e) => set({ cm: e.target.value })} data-testid="crs-cm" className="crs-cm" />
            <span />
            <label className={zoneOk ? '' : 'muted'}>
              <input type="checkbox" checked={form.zonePrefix && zoneOk} disabled={!zoneOk} onChange={(e) => set({ zonePrefix: e.target.checked })} data-testid="crs-zone-prefix" />
              {t('crs_zone_prefix')} {!zoneOk && t('crs_zone_prefix_na')}
            </label>
          </div>
        )}
        {form.family === 'epsg' && (
          <label className="crs-field">
            <span>{t('crs_epsg_code')}</span>
            <input type="text" value={form.epsg} onChange={(e) => set({ epsg: e.target.value })} placeholder="4549" data-testid="crs-epsg" />
            <span className="small muted">{t('crs_epsg_help', { list: SUPPORTED_EPSG_TEXT })}</span>
          </label>
        )}
        {error && <p className="hint small" data-testid="crs-error">{t(error, { code: form.epsg.trim() })}</p>}
        {def && <p className="small" data-testid="crs-chosen">{t('crs_chosen', { label: crsLabel(def, lang) })}</p>}
        {note && <p className="io-issue warning small" data-testid="crs-datum-note">{lang === 'zh' ? note.zh : note.en}</p>}

        <div className="crs-preview" data-testid="crs-preview" data-state={busy ? 'busy' : ready ? 'ready' : 'none'}>
          {busy && <p className="small muted">{t('crs_preview_busy')}</p>}
          {!busy && result && result.id === id && result.preview.ok && centre && (
            <p className="small">
              {t('crs_preview', { count: fmt(result.count), lon: centre[0]!.toFixed(4), lat: centre[1]!.toFixed(4) })}
              {km !== null && typed && ` ${t('crs_preview_place', { km, place: lang === 'zh' ? typed.zh : typed.en })}`}
            </p>
          )}
          {!busy && km !== null && km > FAR_KM && typed && <p className="hint small" data-testid="crs-far">{t('crs_preview_far', { place: lang === 'zh' ? typed.zh : typed.en })}</p>}
          {!busy && result && result.id === id && !result.preview.ok && <p className="hint small">{t('crs_preview_failed')}</p>}
          {!busy && result && result.id === id && <IssueList issues={[...result.preview.errors, ...result.preview.warnings.filter((w) => w.code !== 'crs-converted' && w.code !== 'crs-datum-approximate')]} />}
        </div>
      </div>
      <footer>
        <button type="button" onClick={cancel} data-testid="crs-cancel">{t('cancel')}</button>
        <button type="button" className="primary" onClick={accept} disabled={!ready} data-testid="crs-accept">{t('crs_accept')}</button>
      </footer>
    </aside>
  );
}

/**
 * In the layer dialog, for projected data already converted: the system's readable name, and a
 * link to open the chooser (e.g. to say the zone-numbered data are Xi'an 80, not CGCS2000).
 */
export function CrsChangeButton({ first }: { first: LayerPreview }) {
  const { t, i18n } = useTranslation();
  if (!first.crs.projectedBbox) return null;
  const def = parseCrsId(first.crs.source);
  return (
    <>
      {def && <span data-testid="crs-source-label">{crsLabel(def, i18n.language.startsWith('zh') ? 'zh' : 'en')} </span>}
      <button type="button" className="link small" onClick={() => chooseCrsAgain(first)} data-testid="crs-change">
        {t('crs_change')}
      </button>
    </>
  );
}
