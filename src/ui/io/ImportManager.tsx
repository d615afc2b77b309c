import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';
import { IssueList } from './IssueList';
import { ImportDialog, formatBytes } from './ImportDialog';
import { OsmImportDialog } from './OsmImportDialog';
import { CrsChooser } from './CrsChooser';
import { cancelImport, dismissImport, importFiles } from '../../store/importSession';
import { useStore } from '../../store/useStore';
import './io.css';

function hasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
}

/** A full-page drop target: files dragged anywhere over the page are imported. */
function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer || !e.dataTransfer.files.length) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      importFiles(Array.from(e.dataTransfer.files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return over;
}

/**
 * Everything of the import flow that floats over the page: the drop overlay, the reading
 * progress with its cancel button, and the dialogs (layer, OSM, failure). Mounted once in App.
 */
export function ImportManager() {
  const { t } = useTranslation();
  const over = useFileDrop();
  const phase = useStore((s) => s.importPhase);
  const queued = useStore((s) => s.importQueue.length);
  return (
    <>
      {over && (
        <div className="io-drop-overlay" data-testid="drop-overlay">
          <div>
            <strong>{t('io_drop_here')}</strong>
            <p>{t('io_drop_formats')}</p>
          </div>
        </div>
      )}
      {phase.type === 'reading' && (
        <Modal title={t('io_reading_title')} testId="import-progress">
          <p className="io-file-name">{phase.name} · {formatBytes(phase.bytes)}</p>
          <progress max={1} value={phase.fraction} className="io-progress" data-testid="import-progress-bar" />
          <p className="small muted">
            {t(`io_stage_${phase.stage}`)} · {Math.round(phase.fraction * 100)}%
            {queued > 0 ? ` · ${t('io_queued', { count: queued })}` : ''}
          </p>
          <button type="button" onClick={cancelImport} data-testid="import-cancel">{t('cancel')}</button>
        </Modal>
      )}
      {phase.type === 'layer' && <ImportDialog key={`${phase.first.name}:${phase.first.bytes}:${phase.pass ?? 0}`} phase={phase} />}
      {phase.type === 'osm' && <OsmImportDialog phase={phase} />}
      {phase.type === 'crs' && <CrsChooser key={phase.first.name + phase.first.bytes} phase={phase} />}
      {phase.type === 'failed' && (
        <Modal
          title={t('io_failed_title')}
          onClose={dismissImport}
          testId="import-failed"
          footer={<button type="button" className="primary" onClick={dismissImport} data-testid="io-failed-close">{t('close')}</button>}
        >
          <p className="io-file-name">{phase.name}</p>
          <p>{t('io_failed_nothing_changed')}</p>
          <IssueList issues={phase.issues} testId="io-errors" />
          <IssueList issues={phase.warnings} />
        </Modal>
      )}
    </>
  );
}
