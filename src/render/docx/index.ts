export { compileTemplate, fillDocument, TemplateError, type CompiledTemplate } from './template.js';
export { inspectTemplate, type FoundPlaceholder, type TemplatePlace, type TemplateReport } from './inspect.js';
export type { TagUse, TemplateProblem, TemplateProblemCode } from './compile.js';
export { escapeValue } from './fill.js';
export { readZip, entryData, writeZip, makeEntry, ZipError, type ZipEntry } from './zip.js';
