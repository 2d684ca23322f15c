/**
 * @module Append-only, checksummed segment files: the storage of logs written per event or per step.
 */
export { AppendFile, type AppendFileOptions, type AppendLine } from './append-file.js';
export { crc32 } from './crc32.js';
export { KeyedLedger, type KeyedLedgerOptions, type LedgerEntry } from './keyed-ledger.js';
export { checkFramedLine, frameRecord, frameRecordInto, framedLength, headerRecord, SEGMENT_FORMAT, type LineCheck } from './frame.js';
export { scanSegment, type ScanOptions, type SegmentDamage, type SegmentRecord } from './scan-segment.js';
export {
  CORRUPT_COPY,
  SegmentFiles,
  type DamagedSegment,
  type ReadRecord,
  type SegmentFilesOptions,
} from './segment-files.js';
