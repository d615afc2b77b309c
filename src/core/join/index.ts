/** Joining attribute tables to layers by id or name (issue 15). */
export { looseName, normalizeName, nameSimilarity } from './normalizeName';
export { planJoin, type JoinCandidate, type JoinKey, type JoinMatch, type JoinPlan, type JoinReview, type PlanJoinOptions } from './planJoin';
export { applyJoin, JOIN_KINDS, joinableFields, joinKindOf, joinLeftOut, type JoinKind, type JoinTable } from './applyJoin';
