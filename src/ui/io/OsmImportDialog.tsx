import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OsmLayerKind } from '../../core/io';
import { useStore } from '../../store/useStore';
import { fmt } from '../featureText';
import { Modal } from './Modal';
import { IssueList } from './IssueList';
import { CategorySelect } from './CategorySelect';
import { formatBytes } from './ImportDialog';
import { ExistingLayerQuestion } from './ExistingLayerQuestion';
import type { LoadMode } from '../../store/importActions';
import type { LoadedLayer } from '../../store/layersSlice';
import { confirmOsm, dismissImport } from '../../store/importSession';
import type { ImportPhase } from '../../store/importSlice';

const OSM_KINDS: readonly OsmLayerKind[] = ['network', 'communities', 'facilities', 'parks', 'parking', 'buildings'];

/**
 * The dialog after an OpenStreetMap extract is classified: features per layer (each can be left
 * out), facilities per rule-set category with a reassignment select, and what stayed
 * unclassified. Confirm loads the chosen layers at once, credited to OpenStreetMap.
 */
export function OsmImportDialog({ phase }: { phase: Extract<ImportPhase, { type: 'osm' }> }) {
  const { t, i18n } = useTranslation();
  const rules = useStore((s) => s.rules);
  const { preview, busy } = phase;
  const { counts } = preview;
  const zh = i18n.language.startsWith('zh');
  const [include, setInclude] = useState<Record<OsmLayerKind, boolean>>(
    () => Object.fromEntries(OSM_KINDS.map((k) => [k, counts[k] > 0])) as Record<OsmLayerKind, boolean>,
  );
  const [reassign, setReassign] = useState<Record<string, string | null>>({});
  const present = rules.categories.filter((c) => (counts.byCategory[c.id] ?? 0) > 0);
  const chosen = OSM_KINDS.filter((k) => include[k] && counts[k] > 0);

  const layers = useStore((s) => s.layers);
  // Loaded layers that loading the extract would replace: the same kinds, and demo layers of any kind.
  const touched = Object.values(layers).filter(
    (l): l is LoadedLayer => !!l && l.fc.features.length > 0 && ((chosen as string[]).includes(l.kind) || l.source === 'demo'),
  );
  const [asking, setAsking] = useState(false);
  const load = (mode: LoadMode) => {
    setAsking(false);
    void confirmOsm(
{ include: chosen, reassign },
      mode,
    );
  };
  const confirm = () => (touched.length > 0 ? setAsking(true) : load('replace'));
  const footer = asking ? (
    <ExistingLayerQuestion existing={touched} onAnswer={(m) => (m ? load(m) : setAsking(false))} />
  ) : (
    <>
      {busy !== null && <progress className="io-inline-progress" data-testid="io-dialog-busy" />}
      <button type="button" onClick={dismissImport} data-testid="io-cancel">{t('cancel')}</button>
      <button type="button" className="primary" onClick={confirm} disabled={busy !== null || chosen.length === 0} data-testid="io-confirm">
        {t('io_osm_confirm', { count: chosen.length })}
      </button>
    </>
  );
  return (
    <Modal title={t('io_osm_title')} onClose={dismissImport} footer={footer} testId="osm-dialog" wide>
      <dl className="facts io-facts">
        <dt>{t('io_file')}</dt>
        <dd className="io-file-name">{preview.name}</dd>
        <dt>{t('io_format')}</dt>
        <dd>
          {t(`io_format_${preview.format.replace(/-/g, '_')}`)} · {formatBytes(preview.bytes)}
        </dd>
      </dl>
      <section className="io-section">
        <h3>{t('io_osm_layers')}</h3>
        <ul className="io-osm-layers">
          {OSM_KINDS.map((k) => (
            <li key={k}>
              <label>
                <input
                  type="checkbox"
                  data-testid={`io-osm-include-${k}`}
                  checked={include[k] && counts[k] > 0}
                  disabled={counts[k] === 0}
                  onChange={(e) => setInclude({ ...include, [k]: e.target.checked })}
                />
                <span className="layer-name">{t(`layer_${k}`)}</span>
                <span className="count" data-testid={`io-osm-count-${k}`}>
                  {fmt(counts[k])}
                  {k === 'network' ? ` · ${counts.networkKm} km` : ''}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </section>
      <section className="io-section">
        <h3>{t('io_osm_categories', { count: present.length })}</h3>
        <p className="hint small">{t('io_osm_reassign_hint')}</p>
        <div className="io-scroll">
          <table className="io-mapping">
            <tbody>
              {present.map((c) => (
                <tr key={c.id}>
                  <td>{zh ? c.name_zh : c.name_en}</td>
                  <td className="num">{fmt(counts.byCategory[c.id] ?? 0)}</td>
                  <td>
                    →{' '}
                    <CategorySelect
                      rules={rules}
                      value={c.id in reassign ? reassign[c.id] : c.id}
                      onChange={(id) => setReassign({ ...reassign, [c.id]: id })}
                      allowNone
                      testId={`io-osm-reassign-${c.id}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="io-section">
        <h3>{t('io_osm_unclassified', { count: preview.unclassifiedCount })}</h3>
        {preview.unclassifiedByTag.length > 0 && (
          <p className="small muted" data-testid="io-osm-unclassified">
            {preview.unclassifiedByTag.map(([tag, n]) => `${tag} ${n}`).join(' · ')}
          </p>
        )}
      </section>
      {(preview.errors.length > 0 || preview.warnings.length > 0) && (
        <section className="io-section">
          <h3>{t('io_problems', { count: preview.errors.length + preview.warnings.length })}</h3>
          <IssueList issues={preview.errors} />
          <IssueList issues={preview.warnings} />
        </section>
      )}
      <p className="small muted">{t('io_osm_attribution')}</p>
    </Modal>
  );
}
