/** Many submissions at once: the consolidated summary model (pure; the adapters hash the files and render it). */
export { consolidate, budgetTotals, fileStatus } from './model';
export { batchNotes } from './notes';
export { batchMessages } from './messages';
export { fileEntryJson, reportJsonParts, withNotes } from './reportJson';
export type * from './types';
