/** Beyond yes/no (issue 13): choice within the radius, second-nearest, gravity access and 2SFCA per community. */
export { decayWeight, facilityChoice, mergeChoiceCategory, type CategorySupply, type Decay, type FacilityChoiceOptions, type FacilityChoiceResult } from './facilityChoice';
export { facilityReach, type FacilityReach } from './facilityReach';
export { nearestTwo, type NearestTwo } from './nearestTwo';
export { twoStepFca, type TwoStepFca } from './twoStepFca';
export { formatDecay, parseDecay } from './parseDecay';
export { choiceLevelTotals, choiceUnitTotals, type ChoiceLevelTotals, type ChoiceUnitTotals } from './levelTotals';
