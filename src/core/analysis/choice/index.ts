/** Beyond yes/no (issue 13): choice within the radius, second-nearest and gravity access per community. */
export { decayWeight, facilityChoice, type Decay, type FacilityChoiceOptions, type FacilityChoiceResult } from './facilityChoice';
