import { create } from 'zustand';
import i18n, { setLanguage, type Language } from '../i18n';
import { serializeProject } from '../core/io';
import { loadDemo } from './loadDemo';
import { rememberData } from './dataHistory';
import type { LoadedLayer } from './layersSlice';
import { useStore, type AppState } from './useStore';
import { applyWorkspaceSettings, currentWorkspaceSettings, savedDemoMeta } from './workspaceSettings';
import { idbStorage, META, readWorkspace, WorkspaceSaver, type KeyValueStorage, type SaveOutcome } from './workspaceStorage';
import { keepAside, recoveryFileText, recoveryReasons, type RecoveryRecord } from './workspaceRecovery';
import { downloadText } from '../util/download';

/** The autosave's state, for the layers panel (and e2e tests). */
export interface PersistStatus {
  state: 'off' | 'pending' | 'saving' | SaveOutcome;
  /** ms since epoch of the last successful save */
  savedAt: number | null;
  /** number of successful saves since the page loaded */
  saves: number;
}

export const usePersistStatus = create<PersistStatus>()(() => ({ state: 'off', savedAt: null, saves: 0 }));

let saver: WorkspaceSaver | null = null;
let started = false;

function currentLayers(s: AppState): LoadedLayer[] {
  return Object.values(s.layers).filter((l): l is LoadedLayer => !!l);
}

function snapshot() {
  const s = useStore.getState();
  return { layers: currentLayers(s), rules: s.rules, settings: currentWorkspaceSettings(s, i18n.language) as unknown as Record<string, unknown> };
}

const idle = (fn: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 0);
};

let quotaReported = false;
let errorReported = false;
let saving: Promise<void> = Promise.resolve();

async function saveNow(): Promise<void> {
  if (!saver) return;
  usePersistStatus.setState({ state: 'saving' });
  const outcome = await saver.save(snapshot());
  const { pushMessage } = useStore.getState();
  if (outcome === 'saved') {
    quotaReported = errorReported = false;
    usePersistStatus.setState((p) => ({ state: 'saved', savedAt: Date.now(), saves: p.saves + 1 }));
    return;
  }
  // Nothing new to write: what is stored is up to date.
  if (outcome === 'unchanged') return void usePersistStatus.setState((p) => ({ state: p.savedAt ? 'saved' : 'unchanged' }));
  usePersistStatus.setState({ state: outcome });
  if (outcome === 'quota' && !quotaReported) {
    quotaReported = true;
    pushMessage('error', i18n.t('io_storage_full'));
  } else if (outcome === 'error' && !errorReported) {
    errorReported = true;
    pushMessage('warning', i18n.t('io_autosave_failed'));
  }
}

/**
 * Saves the workspace to IndexedDB shortly after each change of layers, rules or settings
 * (debounced, then in an idle callback so it never competes with drawing or input).
 */
function startAutosave(delayMs = 800): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A steady stream of changes (dragging a slider) must not postpone the save for ever.
  let pendingSince: number | null = null;
  const schedule = () => {
    clearTimeout(timer);
    const now = Date.now();
    pendingSince ??= now;
    usePersistStatus.setState({ state: 'pending' });
    timer = setTimeout(() => {
      pendingSince = null;
      idle(() => (saving = saving.then(saveNow)));
    }, Math.max(0, Math.min(delayMs, pendingSince + 5 * delayMs - now)));
  };
  let last: unknown[] = [];
  const watch = (s: AppState) => [s.layers, s.rules, s.analysisSettings, s.activeLevel, s.activeCategory, s.coloring, s.renovationWeights, s.demo, s.basemap, s.scenarios, s.activeScenarioId, s.targets, s.snapshots];
  last = watch(useStore.getState());
  useStore.subscribe((s) => {
    const now = watch(s);
    if (now.some((v, i) => v !== last[i])) {
      last = now;
      schedule();
    }
  });
  i18n.on('languageChanged', schedule);
  // Leaving or hiding the page: write what is pending now, not after the debounce.
  const flush = () => {
    if (pendingSince === null) return;
    clearTimeout(timer);
    pendingSince = null;
    saving = saving.then(saveNow);
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  schedule();
}

/**
 * Startup: restores the saved workspace (layers, rules, settings, language) when there is one,
 * else loads the demo; then starts the autosave. Without IndexedDB the demo loads and nothing is saved.
 */
export async function startWorkspace(): Promise<void> {
  if (started) return;
  started = true;
  const { setBusy, pushMessage, setRules, setLayers } = useStore.getState();
  let restored: Awaited<ReturnType<typeof readWorkspace>> = null;
  try {
    const storage: KeyValueStorage = idbStorage();
    saver = new WorkspaceSaver(storage);
    setBusy('io_restoring');
    restored = await readWorkspace(storage);
    // What cannot be restored whole is kept aside before the first autosave can replace it.
    const reasons = recoveryReasons(await storage.get(META), restored);
    if (reasons.length) {
      try {
        const key = await keepAside(storage, reasons);
        if (key) offerRecovery(storage, key, reasons);
      } catch {
        // Could not keep it aside: then nothing may be overwritten either.
        saver = null;
        pushMessage('error', i18n.t('io_recovery_failed'));
      }
    }
  } catch {
    saver = null;
    pushMessage('warning', i18n.t('io_storage_unavailable'));
  } finally {
    setBusy(null);
  }
  if (restored) {
    const { workspace, meta } = restored;
    if (workspace.rules) setRules(workspace.rules);
    else pushMessage('warning', i18n.t('io_restore_rules_invalid'));
    if (workspace.demoOnly) await loadDemo();
    else {
      const demo = workspace.layers.some((l) => l.source === 'demo') ? savedDemoMeta(workspace.settings) : null;
      setLayers(workspace.layers, demo);
      saver?.adopt(workspace.layers, meta);
    }
    applyWorkspaceSettings(workspace.settings);
    const lang = workspace.settings.language;
    if ((lang === 'zh-CN' || lang === 'en') && lang !== i18n.language) setLanguage(lang as Language);
    if (workspace.missing.length) pushMessage('warning', i18n.t('io_restore_missing', { layers: workspace.missing.map((k) => i18n.t(`layer_${k}`)).join(', ') }));
  } else {
    await loadDemo();
  }
  if (saver) startAutosave();
}

/** Tells the planner what was kept aside and offers it as a file to download. */
function offerRecovery(storage: KeyValueStorage, key: string, reasons: string[]): void {
  const why = reasons.map((r) => i18n.t(`io_recovery_reason_${r}`)).join(i18n.language.startsWith('zh') ? '；' : '; ');
  useStore.getState().pushMessage('warning', i18n.t('io_recovery_kept', { why }), {
    label: i18n.t('io_recovery_download'),
    run: () => {
      void storage.get<RecoveryRecord>(key).then((record) => {
        if (record) downloadText(recoveryFileText(record), `lifecircle-recovered-${record.kept.slice(0, 10)}.lifecircle.json`, 'application/json');
      });
    },
  });
}

/**
 * Removes every layer (rules and settings stay; undo brings the layers back); the autosave then
 * stores the empty workspace, so a reload starts empty.
 */
export function clearWorkspace(): void {
  rememberData({ key: 'undo_what_clear' });
  useStore.getState().setLayers([], null);
}

/** The whole workspace as a project file's text (`.lifecircle.json`). */
export function projectText(): string {
  const s = snapshot();
  return serializeProject({ layers: s.layers, rules: s.rules, settings: s.settings });
}
