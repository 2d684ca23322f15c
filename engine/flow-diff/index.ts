/**
 * @module The semantic diff and three-way merge of flow, rule and bus documents, and their conflict markers.
 */
export { diffDocuments, type DiffEntry, type FileDiff, type Place } from './diff.js';
export { diffSnapshots, diffTexts, type Snapshot, type SnapshotFileDiff } from './files.js';
export { mergeDocuments, type MergeConflict, type MergeResult } from './merge.js';
export { CONFLICT_KEY, findConflictMarkers, withConflictMarkers } from './conflict-marker.js';
export { renderDiff, renderDocument, subjectOf } from './render.js';
export type { SchemaSource } from './secrets.js';
export { documentKindOf, type DocumentKind } from './tree.js';
export { showValue } from './values.js';
