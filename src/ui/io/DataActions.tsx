import { useEffect, useRef, useState } from 'react';
import i18n from '../../i18n';
import { useTranslation } from 'react-i18next';
import { loadDemo } from '../../store/loadDemo';
import { useStore } from '../../store/useStore';
import { clearWorkspace, projectText, usePersistStatus } from '../../store/workspacePersistence';
import { downloadText } from '../../util/download';
import { ExportMenu } from './ExportMenu';
import { importFiles } from '../../store/importSession';
import { undoData, useDataHistory, type DataChangeLabel } from '../../store/dataHistory';
import { openJoinTable, useJoin } from '../../store/joinActions';
import { localDate } from '../../core/model';

const DATA_ACCEPT = '.geojson,.json,.csv,.tsv,.txt,.zip,.osm,.pbf,.lifecircle.json';

const whatText = (l: DataChangeLabel): string => i18n.t(l.key, l.params ?? {});

/** Undoes the last data change and says so. */
function undo(): void {
  const label = undoData();
  if (label) useStore.getState().pushMessage('info', i18n.t('undo_done', { what: whatText(label) }));
}

/** True when a key press belongs to a text field (its own undo) rather than the page. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Ctrl+Z (⌘Z) undoes the last data change, except while typing or while an import dialog is open. */
function useUndoShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.shiftKey || e.altKey || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
      if (typing(e.target) || useStore.getState().importPhase.type !== 'idle') return;
      if (useDataHistory.getState().undo.length === 0) return;
      e.preventDefault();
      undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function timeOf(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/**
 * The data actions at the top of the layers panel: import (file picker; drag-and-drop works
 * anywhere), export, project file save/open, demo and clear (both ask first when they would
 * replace the user's data), undo of the last data change (also Ctrl+Z), and the autosave status.
 */
export function DataActions() {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const projectInput = useRef<HTMLInputElement>(null);
  const tableInput = useRef<HTMLInputElement>(null);
  const hasCommunities = useStore((s) => !!s.layers.communities);
  const hasFacilities = useStore((s) => !!s.layers.facilities);
  const onTable = (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) void openJoinTable(f);
    e.target.value = '';
  };
  const [confirmClear, setConfirmClear] = useState(false);
  const [confirmDemo, setConfirmDemo] = useState(false);
  const hasData = useStore((s) => Object.keys(s.layers).length > 0);
  const hasUserData = useStore((s) => Object.values(s.layers).some((l) => l && l.source !== 'demo'));
  const lastChange = useDataHistory((h) => h.undo[h.undo.length - 1] ?? null);
  useUndoShortcut();
  const demo = () => void loadDemo({ undoable: true });
  const status = usePersistStatus();

  const pick = (input: HTMLInputElement | null) => {
    if (!input) return;
    input.value = '';
    input.click();
  };
  const onFiles = (e: React.ChangeEvent<HTMLInputElement>) => {
    importFiles(Array.from(e.target.files ?? []));
    e.target.value = '';
  };
  const saveProject = () => {
    const stamp = localDate();
    downloadText(projectText(), `lifecircle-${stamp}.lifecircle.json`, 'application/json');
  };

  return (
    <section className="io-actions" data-testid="data-actions">
      <div className="io-row">
        <button type="button" className="primary" onClick={() => pick(fileInput.current)} data-testid="import-button">
          {t('io_import')}
        </button>
        <ExportMenu />
      </div>
      <input ref={fileInput} type="file" multiple accept={DATA_ACCEPT} hidden onChange={onFiles} data-testid="import-file-input" />
      <input ref={tableInput} type="file" accept=".csv,.tsv,.txt,.xlsx" hidden onChange={onTable} data-testid="join-file-input" />
      <div className="io-row small">
        <button type="button" className="link" onClick={() => pick(tableInput.current)} disabled={!hasCommunities && !hasFacilities} title={t('jn_button_hint')} data-testid="join-button">{t('jn_button')}</button>
        <button type="button" className="link" onClick={() => useJoin.setState({ estimateOpen: true })} disabled={!hasCommunities} data-testid="estimate-button">{t('es_button')}</button>
      </div>
      <input ref={projectInput} type="file" accept=".json,.lifecircle.json" hidden onChange={onFiles} data-testid="project-file-input" />
      <div className="io-row small">
        <button type="button" className="link" onClick={saveProject} disabled={!hasData} data-testid="save-project">{t('io_save_project')}</button>
        <button type="button" className="link" onClick={() => pick(projectInput.current)} data-testid="open-project">{t('io_open_project')}</button>
        {!confirmDemo ? (
          <button type="button" className="link" onClick={() => (hasUserData ? setConfirmDemo(true) : demo())} data-testid="load-demo">{t('io_load_demo')}</button>
        ) : (
          <span className="io-confirm-clear" data-testid="load-demo-confirm">
            {t('io_demo_confirm')}{' '}
            <button type="button" className="link danger" onClick={() => { setConfirmDemo(false); demo(); }} data-testid="load-demo-yes">{t('yes')}</button>{' '}
            <button type="button" className="link" onClick={() => setConfirmDemo(false)} data-testid="load-demo-no">{t('no')}</button>
          </span>
        )}
        {!confirmClear ? (
          <button type="button" className="link" onClick={() => setConfirmClear(true)} disabled={!hasData} data-testid="clear-workspace">{t('io_clear')}</button>
        ) : (
          <span className="io-confirm-clear">
            {t('io_clear_confirm')}{' '}
            <button type="button" className="link danger" onClick={() => { clearWorkspace(); setConfirmClear(false); }} data-testid="clear-workspace-yes">{t('yes')}</button>{' '}
            <button type="button" className="link" onClick={() => setConfirmClear(false)}>{t('no')}</button>
          </span>
        )}
      </div>
      <div className="io-row small">
        <button
          type="button"
          className="link io-undo"
          onClick={undo}
          disabled={!lastChange}
          title={t('undo_hint')}
          data-testid="undo-data"
        >
          ↶ {lastChange ? t('undo_button', { what: whatText(lastChange.label) }) : t('undo_label')}
        </button>
      </div>
      <p className={`io-autosave small ${status.state === 'quota' || status.state === 'error' ? 'error' : 'muted'}`} data-testid="autosave-status" data-state={status.state} data-saves={status.saves}>
        {status.state === 'quota'
          ? t('io_autosave_quota')
          : status.state === 'error'
            ? t('io_autosave_error')
            : status.state === 'off'
              ? t('io_autosave_off')
              : status.state === 'pending' || status.state === 'saving'
                ? t('io_autosave_pending')
                : status.savedAt
                  ? t('io_autosave_saved', { time: timeOf(status.savedAt) })
                  : t('io_autosave_on')}
      </p>
    </section>
  );
}
