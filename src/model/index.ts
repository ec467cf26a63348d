export * from './award.js';
export * from './date.js';
export * from './issue.js';
export * from './period.js';
export * from './rating.js';
export * from './record.js';
export * from './subject.js';
