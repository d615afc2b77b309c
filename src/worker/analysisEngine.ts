import type { GraphBuildStats } from '../core/network';
import { StudyArea, type ServiceAreaResult, type StudyAreaResult } from '../core/studyArea';
import type { CoverageRoute } from '../core/analysis/coverage';
import type { CoverageResult } from '../core/analysis/coverage';
import type { ServiceAreaFeature } from '../core/analysis/serviceArea';
import type { RuleSet } from '../core/rules';
import type { AccessSurface, AnalysisData, AnalysisSettings, ChoiceRequest, Progress, ScenarioAnswerCore, SuggestRequest, SurfaceRequest } from './protocol';
import { mergeChoiceCategory, type FacilityChoiceResult } from '../core/analysis/choice';
import { scenarioDiff, type ScenarioEdit } from '../core/scenario';
import type { SiteSuggestion, SiteSuggestionProgress } from '../core/analysis/siting';

const yieldToEvents = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * The worker's side of the one pipeline: it keeps the StudyArea (core/studyArea) of the loaded
 * data and runs its steps, yielding to the event loop between them so a cancel (or a newer run)
 * gets in. Plain class, no worker APIs, so it can be tested in Node.
 */
export class AnalysisEngine {
  #area: StudyArea | null = null;
  #rules: RuleSet | null = null;
  #baseline: StudyAreaResult | null = null;
  #scenario: StudyArea | null = null;
  #runSeq = 0;
  /** site suggestions have their own sequence: an analysis does not cancel one, nor one an analysis */
  #suggestSeq = 0;
  #choiceSeq = 0;

  setData(data: AnalysisData): GraphBuildStats | null {
    this.cancel();
    this.#area = new StudyArea(data);
    this.#baseline = null;
    this.#scenario = null;
    return this.#area.networkStats;
  }

  /** Supersedes any running analysis (it stops at its next step). */
  cancel(): void {
    this.#runSeq++;
  }

  /** @returns null when superseded */
  async run(rules: RuleSet, settings: AnalysisSettings, onProgress?: (p: Progress) => void): Promise<StudyAreaResult | null> {
    const area = this.#area;
    if (!area) throw new Error('no data loaded');
    const seq = ++this.#runSeq;
    const steps = area.steps(rules, settings);
    for (;;) {
      await yieldToEvents();
      if (seq !== this.#runSeq) return null;
      const r = steps.next();
      if (r.done) {
        this.#rules = rules;
        this.#baseline = r.value;
        this.#scenario = null;
        return r.value;
      }
      onProgress?.(r.value);
    }
  }

  /**
   * A scenario over the last baseline run (issue 11): the edits applied to the layers and run
   * through the same pipeline (StudyArea.withEdits), with the before/after diff. Null when
   * superseded. Follow-up questions (site suggestion) then go to the scenario.
   */
  async runScenario(
    edits: readonly ScenarioEdit[], rules: RuleSet, settings: AnalysisSettings, onProgress?: (p: Progress) => void,
    /** compare with this other scenario instead of the baseline */
    against?: readonly ScenarioEdit[] | null,
  ): Promise<ScenarioAnswerCore | null> {
    const area = this.#area;
    let baseline = this.#baseline;
    if (!area || !baseline) throw new Error('run the baseline analysis first');
    const seq = ++this.#runSeq;
    if (against) {
      await yieldToEvents();
      if (seq !== this.#runSeq) return null;
      baseline = area.withEdits(against).area.analyze(rules, settings);
    }
    const s = area.withEdits(edits);
    const steps = s.area.steps(rules, settings);
    for (;;) {
      await yieldToEvents();
      if (seq !== this.#runSeq) return null;
      const r = steps.next();
      if (r.done) {
        this.#scenario = s.area;
        return { result: r.value, diff: scenarioDiff(baseline, r.value), problems: s.problems };
      }
      onProgress?.(r.value);
    }
  }

  /** Leaves the scenario: follow-up questions go to the baseline again. */
  clearScenario(): void {
    this.#scenario = null;
  }

  /**
   * Suggested sites on the scenario in force (else the baseline): candidates are the request's
   * points, else the network nodes inside its area. Null when superseded (cancel).
   */
  async suggestSites(rules: RuleSet, settings: AnalysisSettings, request: SuggestRequest, onProgress?: (p: SiteSuggestionProgress) => void): Promise<SiteSuggestion | null> {
    const area = this.#scenario ?? this.#area;
    if (!area || !this.#baseline) throw new Error('run the analysis first');
    const seq = ++this.#suggestSeq;
    const candidates = request.candidates ?? (request.area ? area.candidatesInArea(request.area) : new Float64Array(0));
    const steps = area.suggestSitesSteps(rules, settings, { categoryId: request.categoryId, k: request.k, candidates, capacity: request.capacity ?? null, oldOnly: request.oldOnly });
    for (;;) {
      await yieldToEvents();
      if (seq !== this.#suggestSeq) return null;
      const r = steps.next();
      if (r.done) return r.value;
      onProgress?.(r.value);
    }
  }

  /**
   * Beyond yes/no (issue 13) on the scenario in force, else the baseline: a category at a time,
   * yielding between them; null when superseded (a newer choice request or any analysis run).
   */
  async choice(rules: RuleSet, settings: AnalysisSettings, request: ChoiceRequest, onProgress?: (fraction: number) => void): Promise<FacilityChoiceResult | null> {
    const area = this.#scenario ?? this.#area;
    if (!area || !this.#baseline) throw new Error('run the analysis first');
    const seq = ++this.#choiceSeq;
    const run = this.#runSeq;
    const K = area.context(rules, settings).categories.length;
    let out: FacilityChoiceResult | null = null;
    for (let k = 0; k < K; k++) {
      await yieldToEvents();
      if (seq !== this.#choiceSeq || run !== this.#runSeq) return null;
      const r = area.choice(rules, settings, { decay: request.decay, weighted: request.weighted, categories: [k] });
      if (!out) out = r;
      else mergeChoiceCategory(out, r, k);
      onProgress?.((k + 1) / K);
    }
    return out ?? area.choice(rules, settings, { decay: request.decay, weighted: request.weighted, categories: [] });
  }

  /** An accessibility surface on the scenario in force, else the baseline (network mode). */
  surface(rules: RuleSet, settings: AnalysisSettings, request: SurfaceRequest): AccessSurface {
    const area = this.#scenario ?? this.#area;
    if (!area || !this.#baseline) throw new Error('run the analysis first');
    return area.surface(rules, settings, request);
  }

  /** Stops the running site suggestion (it resolves null). */
  cancelSuggestion(): void {
    this.#suggestSeq++;
  }

  euclideanStats(): CoverageResult['stats'] | null {
    return this.#area?.euclideanStats() ?? null;
  }

  parkServiceAreas(): ServiceAreaFeature[] {
    return this.#area?.parkServiceAreas() ?? [];
  }

  serviceArea(categoryId: string): ServiceAreaResult | null {
    return this.#area?.serviceArea(categoryId) ?? null;
  }

  route(categoryId: string, communityIndex: number): CoverageRoute | null {
    return this.#area?.route(categoryId, communityIndex) ?? null;
  }

  get rules(): RuleSet | null {
    return this.#rules;
  }
}
