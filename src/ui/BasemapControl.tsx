import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { BASEMAP_KINDS, isHttpUrl, isXyzTemplate, needsGcj02, type BasemapKind, type BasemapSetting } from '../store/basemapSetting';
import { displayShift } from '../map/basemap';
import './BasemapControl.css';

interface Draft {
  kind: BasemapKind;
  key: string;
  url: string;
  attribution: string;
  gcj02: boolean;
  styleUrl: string;
}

function draftOf(b: BasemapSetting): Draft {
  return {
    kind: b.kind,
    key: b.kind === 'tianditu' ? b.key : '',
    url: b.kind === 'xyz' ? b.url : '',
    attribution: b.kind === 'xyz' ? b.attribution : '',
    gcj02: b.kind === 'xyz' ? b.gcj02 : false,
    styleUrl: b.kind === 'style' ? b.url : '',
  };
}

/** The setting a draft describes, or null with the reason key when incomplete. */
function settingOf(d: Draft): { setting: BasemapSetting | null; error?: string } {
  switch (d.kind) {
    case 'none':
    case 'osm':
    case 'amap':
      return { setting: { kind: d.kind } };
    case 'tianditu':
      return d.key.trim() ? { setting: { kind: 'tianditu', key: d.key.trim() } } : { setting: null, error: 'basemap_key_missing' };
    case 'xyz':
      return isXyzTemplate(d.url) ? { setting: { kind: 'xyz', url: d.url.trim(), attribution: d.attribution.trim(), gcj02: d.gcj02 } } : { setting: null, error: 'basemap_url_invalid' };
    case 'style':
      return isHttpUrl(d.styleUrl) ? { setting: { kind: 'style', url: d.styleUrl.trim() } } : { setting: null, error: 'basemap_style_invalid' };
  }
}

/**
 * The basemap setting, a small control in the map's top-left corner (issue 8 item 12): offline by
 * default; OSM, 天地图 with the user's key, 高德 (GCJ-02), a custom XYZ template or a MapLibre style
 * URL. GCJ-02 basemaps come with a warning: the data are shifted on screen only.
 */
export function BasemapControl() {
  const { t } = useTranslation();
  const basemap = useStore((s) => s.basemap);
  const layers = useStore((s) => s.layers);
  const setBasemap = useStore((s) => s.setBasemap);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(basemap));
  const { setting, error } = settingOf(draft);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const gcj = setting ? needsGcj02(setting) : false;
  const shift = setting && gcj ? displayShift({ layers, basemap: setting }) : null;
  const metres = shift ? Math.round(Math.hypot(shift[0] * 111_320 * Math.cos((35 * Math.PI) / 180), shift[1] * 110_900) / 10) * 10 : null;
  const activeGcj = needsGcj02(basemap);

  return (
    <div className="basemap-control" data-testid="basemap-control">
      <button type="button" className="basemap-toggle" onClick={() => { setDraft(draftOf(basemap)); setOpen(!open); }} aria-expanded={open} data-testid="basemap-toggle">
        {t('basemap_button', { name: t(`basemap_${basemap.kind}_short`) })}
      </button>
      {activeGcj && !open && <div className="basemap-badge" data-testid="basemap-gcj-badge">GCJ-02</div>}
      {open && (
        <div className="basemap-panel" role="dialog" aria-label={t('basemap_title')}>
          <div className="basemap-kinds" role="radiogroup">
            {BASEMAP_KINDS.map((k) => (
              <label key={k}>
                <input type="radio" name="basemap-kind" checked={draft.kind === k} onChange={() => set({ kind: k })} data-testid={`basemap-kind-${k}`} />
                {t(`basemap_${k}`)}
              </label>
            ))}
          </div>
          {draft.kind === 'tianditu' && (
            <label className="basemap-field">
              <span>{t('basemap_key')}</span>
              <input type="text" value={draft.key} onChange={(e) => set({ key: e.target.value })} data-testid="basemap-key" />
            </label>
          )}
          {draft.kind === 'xyz' && (
            <>
              <label className="basemap-field">
                <span>{t('basemap_url')}</span>
                <input type="text" value={draft.url} onChange={(e) => set({ url: e.target.value })} placeholder="https://…/{z}/{x}/{y}.png" data-testid="basemap-url" />
              </label>
              <label className="basemap-field">
                <span>{t('basemap_attribution')}</span>
                <input type="text" value={draft.attribution} onChange={(e) => set({ attribution: e.target.value })} data-testid="basemap-attribution" />
              </label>
              <label>
                <input type="checkbox" checked={draft.gcj02} onChange={(e) => set({ gcj02: e.target.checked })} data-testid="basemap-gcj02" />
                {t('basemap_gcj02')}
              </label>
            </>
          )}
          {draft.kind === 'style' && (
            <>
              <label className="basemap-field">
                <span>{t('basemap_style_url')}</span>
                <input type="text" value={draft.styleUrl} onChange={(e) => set({ styleUrl: e.target.value })} placeholder="https://…/style.json" data-testid="basemap-style-url" />
              </label>
              <p className="small muted">{t('basemap_style_note')}</p>
            </>
          )}
          {error && <p className="hint small" data-testid="basemap-error">{t(error)}</p>}
          {draft.kind !== 'none' && <p className="small muted">{t('basemap_online_note')}</p>}
          {gcj && (
            <p className="io-issue warning small" data-testid="basemap-gcj-warning">
              {metres !== null ? t('basemap_gcj_warning', { m: metres }) : t('basemap_gcj_warning_nodata')}
            </p>
          )}
          <div className="basemap-actions">
            <button type="button" onClick={() => setOpen(false)}>{t('cancel')}</button>
            <button
              type="button"
              className="primary"
              disabled={!setting}
              onClick={() => {
                if (!setting) return;
                setBasemap(setting);
                setOpen(false);
              }}
              data-testid="basemap-apply"
            >
              {t('basemap_apply')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
