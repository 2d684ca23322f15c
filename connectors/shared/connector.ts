/**
 * @module What a connector is: one object per connector folder (its connection, source and target types,
 * steps, data services and docs), registered with one line in connectors/index.ts.
 */
import type {
  Clock,
  ConnectionTypeDefinition,
  DataFolderService,
  SourceTypeDefinition,
  StepDefinition,
  TargetTypeDefinition,
} from '../../engine/sdk.js';
import type { RobotLanes } from './rate-limiter.js';
import type { SendLedger } from './send-ledger.js';

/** What one set of connectors shares: every connector of one `createConnectors` call gets the same. */
export interface ConnectorServices {
  /** The robots' rate-limit queues. */
  lanes: RobotLanes;
  /** Paces sends and their backoff; absent: each execution's own clock. */
  clock?: Clock;
  /** Where sends are recorded by idempotency key; absent: nothing is deduplicated. */
  sentLedger?: SendLedger;
}

/** The parts a connector builds for one set; parts built together share their connections. */
export interface ConnectorParts {
  steps?: StepDefinition[];
  /** Built once every connector's steps exist: `steps` is all of them (message push sends through them). */
  targetTypes?(steps: readonly StepDefinition[]): TargetTypeDefinition[];
}

/** One connector, as its folder exports it. */
export interface Connector {
  /** The folder name (`wecom-robot`); for notifications/, its target type (`message-push`). */
  id: string;
  title: string;
  /** One or two sentences for a list of connectors; each step and type documents itself. */
  docs: string;
  connectionTypes?: readonly ConnectionTypeDefinition[];
  sourceTypes?: readonly SourceTypeDefinition[];
  /** State this connector keeps in the data folder, opened by the server. */
  dataServices?: readonly DataFolderService[];
  /** Builds the steps and target types of one set; every call builds new ones. */
  create(services: ConnectorServices): ConnectorParts;
}

/**
 * Declares a connector; the identity function, for inference.
 *
 * @example
 * export const wecomRobot = defineConnector({ id: 'wecom-robot', title, docs, create: (s) => ({ steps }) });
 */
export function defineConnector(connector: Connector): Connector {
  return connector;
}
