/** Estimating households where none are given (issue 15). */
export { estimateHouseholds, withEstimatedHouseholds, type HouseholdEstimate, type HouseholdEstimateOptions, type HouseholdsSource } from './estimateHouseholds';
export { isResidentialBuilding } from './residentialBuilding';
