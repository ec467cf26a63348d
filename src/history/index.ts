export { buildTimelines, type HistoryResult } from './timelines.js';
