import { useEffect, useMemo } from 'react';
import { BriefingView } from './briefing/BriefingView';
import { EstimateDialog, JoinDialog } from './io/JoinDialog';
import { useTranslation } from 'react-i18next';
import { MapView } from '../map/MapView';
import { BasemapControl } from './BasemapControl';
import { useStore } from '../store/useStore';
import { startWorkspace } from '../store/workspacePersistence';
import { ImportManager } from './io/ImportManager';
import { LayersPanel } from './LayersPanel';
import { HoverCard } from './HoverCard';
import { Messages } from './Messages';
import { LanguageSwitch } from './LanguageSwitch';
import { RightPanel } from './RightPanel';
import { MapTools } from './search/MapTools';
import { Workbench } from './workbench/Workbench';
import { startAnalysisController } from '../store/analysisController';
import { startScenarioController } from '../store/scenarioController';
import { startAccessController } from '../store/accessController';

// Once per page: React StrictMode runs effects twice in development.
let started = false;

export function App() {
  const { t, i18n } = useTranslation();
  const demo = useStore((s) => s.demo);
  const busy = useStore((s) => s.busy);
  const layers = useStore((s) => s.layers);
  const hasData = Object.keys(layers).length > 0;
  const attributions = useMemo(() => [...new Set(Object.values(layers).map((l) => l?.attribution).filter(Boolean))], [layers]);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    if (!started) {
      started = true;
      // The analysis starts as soon as data are loaded: it runs in a worker and never waits for the map.
      startAnalysisController();
      startScenarioController();
      startAccessController();
      // Restores the autosaved workspace, else loads the demo (issue 4).
      void startWorkspace();
    }
  }, [i18n.language]);

  const zh = i18n.language.startsWith('zh');
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          {t('app_title')} <small>{t('app_subtitle')}</small>
        </h1>
        {demo && (
          <span className="demo-notice" data-testid="demo-notice">
            {t('demo_notice', { name: zh ? demo.name_zh : demo.name_en })}
          </span>
        )}
        <LanguageSwitch />
      </header>
      <div className="workspace">
        <LayersPanel />
        <div className="center">
          <main className="map-wrap">
            <MapView />
            <MapTools />
            <BasemapControl />
            <HoverCard />
            {busy && <div className="busy" data-testid="busy">{t(busy)}</div>}
            {!busy && !hasData && <div className="empty-state">{t('empty_state')}</div>}
            <div className="map-attribution">
              {demo ? (zh ? demo.name_zh : demo.name_en) + ' · ' : ''}
              {attributions.join(' · ')}
            </div>
          </main>
          <Workbench />
        </div>
        <RightPanel />
      </div>
      <ImportManager />
      <JoinDialog />
      <BriefingView />
      <EstimateDialog />
      <Messages />
    </div>
  );
}
