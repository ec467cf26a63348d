export { buildTimelines, type HistoryResult } from './timelines.js';
export { resolveConfirmations, type ResolvedConfirmation } from './confirmations.js';
