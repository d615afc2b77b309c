import { analysisWorker, Comlink } from '../worker/analysisClient';
import type { AnalysisData, Progress } from '../worker/protocol';
import { analysisRootOf, type LoadedLayer } from './layersSlice';
import { useStore, type AppState } from './useStore';

/** The first category of the level that has facilities (mandatory first), for a sensible default. */
export function defaultCategory(s: AppState, level: string): string | null {
  const present = new Set((s.layers.facilities?.fc.features ?? []).map((f) => String(f.properties.category)));
  const cats = s.rules.categories.filter((c) => c.level === level);
  return (cats.find((c) => c.mandatory && present.has(c.id)) ?? cats.find((c) => present.has(c.id)) ?? cats[0])?.id ?? null;
}

/**
 * Keeps the worker's analysis in step with the store: new data → setData + run; new rules or
 * settings → run; active category → service area; selected community → route. Stale answers
 * are dropped by sequence number; a newer run supersedes (cancels) the older one in the worker.
 */
export function startAnalysisController(): () => void {
  let dataOf: (LoadedLayer | undefined)[] | null = null;
  let rulesOf: unknown = null;
  let settingsOf: unknown = null;
  let areaOf: unknown = null;
  let routeOf: unknown = null;
  let runSeq = 0;
  let areaSeq = 0;
  let routeSeq = 0;
  let dataReady: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async () => {
    const seq = ++runSeq;
    const s = useStore.getState();
    if (!s.layers.communities || !s.layers.facilities) return;
    useStore.setState({ analysisStatus: 'running', analysisProgress: 0, analysisError: null });
    try {
      await dataReady;
      const onProgress = Comlink.proxy((p: Progress) => {
        if (seq === runSeq) useStore.setState({ analysisProgress: p.fraction });
      });
      const answer = await analysisWorker().run(s.rules, s.analysisSettings, onProgress);
      if (seq !== runSeq) return;
      if (!answer) {
        useStore.setState({ analysisStatus: 'cancelled' });
        return;
      }
      const st = useStore.getState();
      useStore.setState({
        coverage: answer.coverage,
        parks: answer.parks,
        parking: answer.parking,
        weights: answer.weights,
        analysisStatus: 'done',
        analysisProgress: 1,
        analysisMs: answer.ms,
        activeCategory: st.activeCategory ?? defaultCategory(st, st.activeLevel),
      });
      areaOf = null;
      routeOf = null;
      refreshDerived(useStore.getState());
      const euclideanStats = await analysisWorker().euclideanStats();
      if (seq === runSeq) useStore.setState({ euclideanStats });
    } catch (e) {
      if (seq === runSeq) useStore.setState({ analysisStatus: 'error', analysisError: (e as Error).message });
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 120);
  };

  const refreshDerived = (s: AppState) => {
    if (s.analysisStatus !== 'done' || !s.coverage) return;
    const areaKey = s.activeCategory;
    if (areaKey !== areaOf) {
      areaOf = areaKey;
      const seq = ++areaSeq;
      if (!areaKey) useStore.setState({ serviceArea: null });
      else
        void analysisWorker()
          .serviceArea(areaKey)
          .then((serviceArea) => seq === areaSeq && useStore.setState({ serviceArea }));
    }
    const routeCat = s.routeCategory ?? s.activeCategory;
    const routeKey = s.selectedCommunity == null || !routeCat ? null : `${s.selectedCommunity}:${routeCat}`;
    if (routeKey !== routeOf) {
      routeOf = routeKey;
      const seq = ++routeSeq;
      if (!routeKey || !routeCat) useStore.setState({ route: null });
      else {
        const c = s.selectedCommunity!;
        void analysisWorker()
          .route(routeCat, c)
          .then((r) => seq === routeSeq && useStore.setState({ route: r ? { ...r, categoryId: routeCat, communityIndex: c } : null }));
      }
    }
  };

  const onChange = (s: AppState) => {
    // an attribute-only edit (analysisRoot) is the same data to the analysis
    const data = [s.layers.communities, s.layers.facilities, s.layers.network, s.layers.parks, s.layers.parking].map(analysisRootOf);
    if (!dataOf || data.some((d, i) => d !== dataOf![i])) {
      dataOf = data;
      rulesOf = s.rules;
      settingsOf = s.analysisSettings;
      useStore.setState({ coverage: null, euclideanStats: null, parks: null, parking: null, weights: null, serviceArea: null, route: null, analysisStatus: 'idle' });
      areaOf = routeOf = null;
      if (s.layers.communities && s.layers.facilities) {
        const payload: AnalysisData = {
          communities: s.layers.communities.fc,
          facilities: s.layers.facilities.fc,
          network: s.layers.network?.fc ?? null,
          parks: s.layers.parks?.fc ?? null,
          parking: s.layers.parking?.fc ?? null,
        };
        dataReady = analysisWorker()
          .setData(payload)
          .then((graphStats) => useStore.setState({ graphStats }))
          .catch((e: Error) => useStore.setState({ analysisStatus: 'error', analysisError: e.message }));
        // New data run at once (no debounce): the first result must not wait for anything.
        void run();
      }
      return;
    }
    if (s.rules !== rulesOf || s.analysisSettings !== settingsOf) {
      rulesOf = s.rules;
      settingsOf = s.analysisSettings;
      schedule();
      return;
    }
    refreshDerived(s);
  };

  // Start the worker now, so its code loads while the data are still being fetched.
  analysisWorker();
  rulesOf = useStore.getState().rules;
  settingsOf = useStore.getState().analysisSettings;
  onChange(useStore.getState());
  const unsubscribe = useStore.subscribe(onChange);
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

/**
 * Fetches the park service areas of the current park result (network mode) once, for the parks
 * view; a newer result asks again. Nothing happens when they are there or cannot be drawn.
 */
export function requestParkServiceAreas(): void {
  const parks = useStore.getState().parks;
  if (!parks || parks.mode !== 'network' || useStore.getState().parkServiceAreas?.of === parks) return;
  analysisWorker()
    .parkServiceAreas()
    .then((features) => {
      if (useStore.getState().parks === parks) useStore.setState({ parkServiceAreas: { of: parks, features } });
    })
    .catch(() => {
      /* a newer run replaced the data; the next result asks again */
    });
}

/** Stops the running analysis (the UI's cancel button). */
export function cancelAnalysis(): void {
  void analysisWorker().cancel();
}
