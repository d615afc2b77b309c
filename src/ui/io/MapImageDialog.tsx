import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/useStore';
import type { Paper } from '../../map/mapImage';
import { exportMapImage, type ImageExtent } from './briefingExport';
import { Modal } from './Modal';

type Size = 'screen' | `${Paper}-${'L' | 'P'}`;
const SIZES: Size[] = ['screen', 'A4-L', 'A4-P', 'A3-L', 'A3-P'];
const DPIS = [96, 150, 300];

/**
 * The map image with its extent, paper and resolution chosen (issue 12 §1): the current view, the
 * whole study area or the selected community; the screen's size or A4 / A3 in either orientation;
 * 96, 150 or 300 dpi.
 */
export function MapImageDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const selected = useStore((s) => s.selectedCommunity !== null);
  const [extent, setExtent] = useState<ImageExtent>('data');
  const [size, setSize] = useState<Size>('A4-L');
  const [dpi, setDpi] = useState(150);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const paper = size === 'screen' ? null : { paper: size.slice(0, 2) as Paper, landscape: size.endsWith('L') };
      await exportMapImage(dpi / 96, { extent, paper });
      onClose();
    } catch (e) {
      useStore.getState().pushMessage('error', (e as Error).message);
      setBusy(false);
    }
  };
  return (
    <Modal
      title={t('mi_title')}
      onClose={busy ? undefined : onClose}
      testId="map-image-dialog"
      footer={<button type="button" className="primary" onClick={() => void run()} disabled={busy} data-testid="mi-export">{busy ? t('mi_busy') : t('mi_export')}</button>}
    >
      <div className="field">
        <label>{t('mi_extent')}</label>
        <select value={extent} onChange={(e) => setExtent(e.target.value as ImageExtent)} data-testid="mi-extent">
          <option value="view">{t('mi_extent_view')}</option>
          <option value="data">{t('mi_extent_data')}</option>
          <option value="selection" disabled={!selected}>{t('mi_extent_selection')}</option>
        </select>
      </div>
      <div className="field">
        <label>{t('mi_size')}</label>
        <select value={size} onChange={(e) => setSize(e.target.value as Size)} data-testid="mi-size">
          {SIZES.map((x) => <option key={x} value={x}>{t(`mi_size_${x.replace('-', '_')}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label>{t('mi_dpi')}</label>
        <select value={dpi} onChange={(e) => setDpi(Number(e.target.value))} data-testid="mi-dpi">
          {DPIS.map((d) => <option key={d} value={d}>{d} dpi</option>)}
        </select>
      </div>
    </Modal>
  );
}
