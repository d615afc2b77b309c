import type { GraphBuildStats } from '../core/network';
import { StudyArea, type ServiceAreaResult, type StudyAreaResult } from '../core/studyArea';
import type { CoverageRoute } from '../core/analysis/coverage';
import type { CoverageResult } from '../core/analysis/coverage';
import type { ServiceAreaFeature } from '../core/analysis/serviceArea';
import type { RuleSet } from '../core/rules';
import type { AnalysisData, AnalysisSettings, Progress } from './protocol';

const yieldToEvents = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * The worker's side of the one pipeline: it keeps the StudyArea (core/studyArea) of the loaded
 * data and runs its steps, yielding to the event loop between them so a cancel (or a newer run)
 * gets in. Plain class, no worker APIs, so it can be tested in Node.
 */
export class AnalysisEngine {
  #area: StudyArea | null = null;
  #rules: RuleSet | null = null;
  #runSeq = 0;

  setData(data: AnalysisData): GraphBuildStats | null {
    this.cancel();
    this.#area = new StudyArea(data);
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
        return r.value;
      }
      onProgress?.(r.value);
    }
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
