import { useTranslation } from 'react-i18next';
import type { LoadMode } from '../../store/importActions';
import type { LoadedLayer } from '../../store/layersSlice';
import { fmt } from '../featureText';

/**
 * The question asked before a file goes where a layer is already loaded: replace it, add to it,
 * or cancel (back to the dialog, nothing loaded). Shown in the dialog's footer, where the
 * planner just clicked.
 */
export function ExistingLayerQuestion({ existing, added, onAnswer }: {
  /** The loaded layers that the import would touch (one for a layer file, several for OSM). */
  existing: LoadedLayer[];
  /** Features the file brings (single layer only). */
  added?: number;
  onAnswer: (mode: LoadMode | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const sep = i18n.language.startsWith('zh') ? '、' : ', ';
  const one = existing.length === 1 ? existing[0] : null;
  const text = one
    ? t('io_existing_question', {
        kind: t(`layer_${one.kind}`),
        count: fmt(one.fc.features.length),
        source: one.source === 'demo' ? t('io_existing_source_demo') : t('io_existing_source_named', { name: one.name }),
        added: fmt(added ?? 0),
      })
    : t('io_existing_osm_question', { layers: existing.map((l) => `${t(`layer_${l.kind}`)} ${fmt(l.fc.features.length)}`).join(sep) });
  return (
    <div className="io-existing" role="alertdialog" data-testid="io-existing">
      <p className="io-existing-text" data-testid="io-existing-text">{text}</p>
      <div className="io-existing-buttons">
        <button type="button" onClick={() => onAnswer(null)} data-testid="io-existing-cancel">{t('cancel')}</button>
        <button type="button" onClick={() => onAnswer('append')} data-testid="io-existing-append">{t('io_existing_append')}</button>
        <button type="button" className="primary" onClick={() => onAnswer('replace')} data-testid="io-existing-replace">{t('io_existing_replace')}</button>
      </div>
    </div>
  );
}
