import type { FacilityChoiceResult } from '../core/analysis/choice';
import { choiceColor } from './accessPalette';
import type { RGBA } from './palette';

const ids = new WeakMap<object, number>();
let nextId = 1;

/** Communities coloured by the facilities of the active category within its radius (issue 13); null without a result. */
export function choiceColoring(choice: FacilityChoiceResult | null, categoryId: string | null): { key: string; color: (index: number) => RGBA } | null {
  const k = choice && categoryId ? choice.categoryIds.indexOf(categoryId) : -1;
  if (!choice || k < 0 || !choice.supply[k]) return null;
  const C = choice.communityCount;
  let id = ids.get(choice);
  if (!id) ids.set(choice, (id = nextId++));
  return { key: `choice:${categoryId}:${id}`, color: (i) => choiceColor(choice.count[k * C + i]) };
}
