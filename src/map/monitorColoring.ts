import { isOld, programmeStatus } from '../core/model';
import type { RuleSet } from '../core/rules';
import type { LayerFeatures } from '../store/layersSlice';
import { PROGRAMME_COLORS } from './monitorPalette';
import { resultId } from './communityColoring';
import type { RGBA } from './palette';

/** Community colours by renovation programme status (old communities; the others light grey). */
export function programmeColoring(communities: LayerFeatures | null, rules: RuleSet): { key: string; color: (index: number) => RGBA } | null {
  if (!communities) return null;
  const colors = communities.features.map((f) => (isOld(f.properties, rules) || programmeStatus(f.properties) !== 'none' ? PROGRAMME_COLORS[programmeStatus(f.properties)] : PROGRAMME_COLORS.notOld));
  return { key: `programme:${communities.features.length}:${resultId(communities)}:${rules.old_before_year}`, color: (i) => colors[i] ?? PROGRAMME_COLORS.notOld };
}

