export { readInputs, listInputs, type ReadInputsResult, type InputFile } from './inputs.js';
export { readFile, type ReadOptions } from './read-file.js';
export { ReadError } from './read-error.js';
export type { InputSummary, SheetSummary, SourceRecord, PersonKey, CollectiveKey, Layout, Source, Confirmation } from './types.js';
