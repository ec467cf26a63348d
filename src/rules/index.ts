export { applyCaps, evaluateSubject, rulesFor, unsupportedTitles, type CapAdjustment } from './check.js';
export { formatCitation } from './citation.js';
export { contextFor, memberIndex, regimeOf, type Environment } from './evaluate.js';
export { PARAMETERS, parameterDefault, resolveParameters, type ParameterDef } from './parameters.js';
export { projectAwards, type Projection } from './projection.js';
export { RULESETS, rulesetById, rulesetForDate } from './rulesets/index.js';
export type * from './types.js';
export { confirmationLookup, criteriaOf, matchCriterion } from './confirm.js';
