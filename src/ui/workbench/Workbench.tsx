import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/useStore';
import { WORKBENCH_TABS } from './tabs';

/** The bottom drawer holding the planner's tables and charts; collapsed to its tab bar when closed. */
export function Workbench() {
  const { t } = useTranslation();
  const tab = useStore((s) => s.workbenchTab);
  const setTab = useStore((s) => s.setWorkbenchTab);
  if (!WORKBENCH_TABS.length) return null;
  const active = WORKBENCH_TABS.find((x) => x.id === tab);
  return (
    <section className={`workbench ${active ? 'open' : 'closed'}`} data-testid="workbench">
      <nav className="workbench-tabs" role="tablist">
        {WORKBENCH_TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            data-testid={`tab-${x.id}`}
            aria-selected={x.id === tab}
            className={x.id === tab ? 'active' : ''}
            onClick={() => (x.id === tab ? setTab(null) : setTab(x.id, x.map))}
          >
            {t(x.label)}
          </button>
        ))}
        {active && (
          <button type="button" className="close" onClick={() => setTab(null)} aria-label={t('close')}>
            ×
          </button>
        )}
      </nav>
      {active && (
        <div className="workbench-body" data-testid={`view-${active.id}`}>
          <active.Component />
        </div>
      )}
    </section>
  );
}
