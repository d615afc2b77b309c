import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { AnalysisPanel } from './AnalysisPanel';
import { CommunityPanel } from './CommunityPanel';

/**
 * The right panel: the analysis settings and results, and the selected community's card. A
 * selected community's card comes first, scrolled into view, so a click on the map shows its
 * compliance without scrolling; Esc closes it (dialogs take Esc first).
 */
export function RightPanel() {
  const { t } = useTranslation();
  const selected = useStore((s) => s.selectedCommunity);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (selected == null) return;
    ref.current?.scrollTo({ top: 0 });
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || document.querySelector('[role=dialog]')) return;
      useStore.getState().selectCommunity(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected]);

  return (
    <aside className="panel right-panel" ref={ref} data-testid="right-panel">
      {selected != null && (
        <div className="selected-card">
          <CommunityPanel />
        </div>
      )}
      <AnalysisPanel />
      {selected == null && (
        <>
          <h2>{t('selected_community')}</h2>
          <CommunityPanel />
        </>
      )}
    </aside>
  );
}
