import { useTranslation } from 'react-i18next';
import { indicatorLabel, scopeLabel, type IndicatorId, type IndicatorScope } from '../../core/monitor';
import { parseLanguage } from '../../core/messages';
import { useStore } from '../../store/useStore';
import { selectStudyAreaResult } from '../../store/selectResult';
import { selectTargetRows } from '../../store/selectMonitor';

/**
 * What the targets view's parts share: the analysis as the core's result, the targets evaluated
 * (selectTargetRows, the check report's too), and names in the UI language.
 */
export function useMonitor() {
  const { i18n } = useTranslation();
  const lang = parseLanguage(i18n.language) ?? 'zh-CN';
  const rules = useStore((s) => s.rules);
  const snapshots = useStore((s) => s.snapshots);
  const communities = useStore((s) => s.layers.communities?.fc ?? null);
  const result = useStore(selectStudyAreaResult);
  const baseline = snapshots[0] ?? null;
  const rows = useStore(selectTargetRows);
  return {
    lang, rules, result, communities, rows, baseline, snapshots,
    indicatorName: (id: IndicatorId) => indicatorLabel(id, rules, lang),
    scopeName: (sc: IndicatorScope) => scopeLabel(sc, lang),
  };
}
