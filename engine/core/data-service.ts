/**
 * @module A part outside the engine (a connector's ledger) that keeps state in the data folder: the server
 * opens it once it knows the folder, before anything is delivered, and closes it on shutdown.
 */

/** Opened with the data folder before the bus starts; closed after the bus has stopped. */
export interface DataFolderService {
  /** For log lines: `connector send ledger`. */
  name: string;
  open(dataDir: string): Promise<void>;
  close(): Promise<void>;
}
