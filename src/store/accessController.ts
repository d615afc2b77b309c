import { analysisWorker } from '../worker/analysisClient';
import { useStore, type AppState } from './useStore';

/**
 * Keeps the choice indicators and the accessibility surface in step (issue 13): while the access
 * view is open (its overlay), whenever the result in force (baseline or scenario), the rules, the
 * settings or the gravity settings change, the worker computes them again; the surface when the
 * planner asks for one. Stale answers are dropped. The card reads the last choice result.
 */
export function startAccessController(): () => void {
  let choiceOf: unknown[] = [];
  let surfaceOf: unknown[] = [];
  let choiceSeq = 0, surfaceSeq = 0;
  const onChange = (s: AppState) => {
    const open = s.workbenchView.overlay === 'access';
    const done = s.analysisStatus === 'done' && !!s.coverage;
    const inForce = s.scenarioResult ?? s.coverage;
    const choiceKey = [inForce, s.rules, s.analysisSettings, s.choiceDecay, s.choiceWeighted];
    if (open && done && !choiceKey.every((k, i) => k === choiceOf[i])) {
      choiceOf = choiceKey;
      const my = ++choiceSeq;
      useStore.setState({ choiceStatus: 'running', choiceProgress: 0, choiceError: null });
      analysisWorker()
        .choice(s.rules, s.analysisSettings, { decay: s.choiceDecay, weighted: s.choiceWeighted }, undefined)
        .then((r) => {
          if (my !== choiceSeq) return;
          if (!r) {
            choiceOf = [];
            useStore.setState({ choiceStatus: 'idle' });
            return;
          }
          useStore.setState({ choice: r, choiceFor: inForce, choiceStatus: 'done', choiceProgress: 1 });
        })
        .catch((e: Error) => {
          if (my === choiceSeq) useStore.setState({ choiceStatus: 'error', choiceError: e.message });
        });
    }
    if (!done && (s.choice || s.surface)) {
      choiceOf = [];
      surfaceOf = [];
      useStore.setState({ choice: null, choiceFor: null, choiceStatus: 'idle', surface: null, surfaceStatus: 'idle' });
      return;
    }
    const req = s.surfaceChoice;
    const surfaceKey = [inForce, s.rules, s.analysisSettings, req];
    if (req && done && !surfaceKey.every((k, i) => k === surfaceOf[i])) {
      surfaceOf = surfaceKey;
      const my = ++surfaceSeq;
      useStore.setState({ surfaceStatus: 'running', surfaceError: null });
      analysisWorker()
        .surface(s.rules, s.analysisSettings, { cell: req.cell, ...req.of })
        .then((r) => {
          if (my !== surfaceSeq) return;
          useStore.setState(r ? { surface: { ...r, request: req }, surfaceStatus: 'done' } : { surfaceStatus: 'idle' });
        })
        .catch((e: Error) => {
          if (my === surfaceSeq) useStore.setState({ surfaceStatus: 'error', surfaceError: e.message, surface: null });
        });
    } else if (!req && s.surface) {
      surfaceOf = [];
      useStore.setState({ surface: null, surfaceStatus: 'idle' });
    }
  };
  onChange(useStore.getState());
  return useStore.subscribe(onChange);
}
