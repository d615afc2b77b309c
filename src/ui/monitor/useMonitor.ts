import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluateTargets, indicatorLabel, scopeLabel, type IndicatorId, type IndicatorScope } from '../../core/monitor';
import { parseLanguage } from '../../core/messages';
import { useStore } from '../../store/useStore';
import { selectStudyAreaResult } from '../../store/selectResult';
import { localDate } from '../../core/model';

/**
 * What the targets view's parts share: the analysis as the core's result, the targets evaluated
 * against the first snapshot (core/monitor evaluateTargets, as the CLI), and names in the UI language.
 */
export function useMonitor() {
  const { i18n } = useTranslation();
  const lang = parseLanguage(i18n.language) ?? 'zh-CN';
  const rules = useStore((s) => s.rules);
  const targets = useStore((s) => s.targets);
  const snapshots = useStore((s) => s.snapshots);
  const communities = useStore((s) => s.layers.communities?.fc ?? null);
  const result = useStore(selectStudyAreaResult);
  const baseline = snapshots[0] ?? null;
  const rows = useMemo(
    () => (result && communities ? evaluateTargets(targets, result, communities, rules, baseline, localDate()) : targets.map((target) => ({ target, value: null, status: null, baseline: null }))),
    [targets, result, communities, rules, baseline],
  );
  return {
    lang, rules, result, communities, rows, baseline, snapshots,
    indicatorName: (id: IndicatorId) => indicatorLabel(id, rules, lang),
    scopeName: (sc: IndicatorScope) => scopeLabel(sc, lang),
  };
}
