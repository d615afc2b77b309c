/**
 * The analyses of a study area, one room per concern (issue 10). The one pipeline that runs them
 * in order is ../studyArea; the walking engine is ../network.
 */
export * from './coverage';
export * from './compliance';
export * from './parks';
export * from './parking';
export * from './renovation';
export * from './search';
export * from './points';
export * from './serviceArea';
export * from './siting';
export * from './choice';
