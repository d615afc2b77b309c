import { analysisWorker } from '../worker/analysisClient';
import { activeScenario } from './scenarioActions';
import { useStore, type AppState } from './useStore';

/**
 * Keeps the active scenario's results in step (issue 11): whenever the baseline result, the rules,
 * the settings or the active scenario's edits change, the worker runs the scenario through the
 * same pipeline and answers with its result and the diff. Stale answers are dropped.
 */
export function startScenarioController(): () => void {
  let of: unknown[] = [];
  let seq = 0;
  const onChange = (s: AppState) => {
    const a = activeScenario(s);
    const against = s.compareScenarioId && s.compareScenarioId !== a?.id ? s.scenarios.find((x) => x.id === s.compareScenarioId) ?? null : null;
    const key = [s.coverage, s.rules, s.analysisSettings, a?.id ?? null, a?.edits ?? null, against?.edits ?? null];
    if (key.every((k, i) => k === of[i])) return;
    of = key;
    const my = ++seq;
    if (!a || !s.coverage || s.analysisStatus !== 'done') {
      if (s.scenarioResult || s.scenarioDiff) useStore.setState({ scenarioResult: null, scenarioDiff: null, scenarioProblems: [], scenarioStatus: 'idle' });
      if (!a) void analysisWorker().clearScenario();
      return;
    }
    useStore.setState({ scenarioStatus: 'running', scenarioError: null });
    analysisWorker()
      .runScenario(a.edits, s.rules, s.analysisSettings, undefined, against?.edits ?? null)
      .then((r) => {
        if (my !== seq) return;
        // superseded in the worker (a newer baseline run): the next change runs it again
        if (!r) {
          of = [];
          useStore.setState({ scenarioStatus: 'idle' });
          return;
        }
        useStore.setState({ scenarioResult: r.answer, scenarioDiff: r.diff, scenarioProblems: r.problems, scenarioStatus: 'done' });
      })
      .catch((e: Error) => {
        if (my === seq) useStore.setState({ scenarioStatus: 'error', scenarioError: e.message });
      });
  };
  onChange(useStore.getState());
  return useStore.subscribe(onChange);
}
