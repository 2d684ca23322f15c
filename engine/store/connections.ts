/**
 * @module Connection configs: named credentials with their secret fields sealed at rest and never shown.
 */
import type { ConnectionTypeDefinition } from '../core/connection-type.js';
import { FlowbusError } from '../core/errors.js';
import type { ConnectionResolver } from '../core/step-definition.js';
import type { Redactor } from '../logging/redact.js';
import {
  checkConnectionName,
  checkConnectionType,
  checkConnectionValues,
  ConnectionValueChecker,
  secretStrings,
} from './connection-values.js';
import type { SecretBox } from './crypto.js';
import type { Store, StoredConnection } from './types.js';

/** What the API shows of a connection: plain fields only, and the names of the secret fields that are set. */
export interface ConnectionView {
  name: string;
  type: string;
  description?: string;
  values: Record<string, unknown>;
  secretFields: string[];
  createdAt: number;
  updatedAt: number;
}

export interface ConnectionInput {
  type: string;
  description?: string;
  values?: Record<string, unknown>;
}

/** An update: given fields replace, `null` removes a field, absent fields (secrets included) are kept. */
export interface ConnectionPatch {
  type?: string;
  description?: string | null;
  values?: Record<string, unknown>;
}

export interface ConnectionService {
  list(): Promise<ConnectionView[]>;
  get(name: string): Promise<ConnectionView>;
  create(name: string, input: ConnectionInput): Promise<ConnectionView>;
  update(name: string, patch: ConnectionPatch): Promise<ConnectionView>;
  remove(name: string): Promise<void>;
  /** The decrypted values; checks the type when one is given. */
  resolve(name: string, type?: string): Promise<Record<string, unknown>>;
  /** The resolver handed to executions. */
  readonly resolver: ConnectionResolver;
  /** Decrypts every connection once and hands their secrets to the redactor; returns those it cannot open. */
  loadSecrets(): Promise<string[]>;
}

export interface ConnectionServiceOptions {
  store: Store;
  box: SecretBox;
  types: ReadonlyMap<string, ConnectionTypeDefinition>;
  redactor?: Redactor;
  now?: () => number;
}

function notFound(name: string): FlowbusError {
  return new FlowbusError('CONNECTION:NOT_FOUND', `no connection config named "${name}"`, { name });
}

/**
 * Creates the connection service over a store.
 *
 * @example
 * const connections = createConnectionService({ store, box, types: new Map([[httpAuth.type, httpAuth]]) });
 * await connections.create('shop', { type: 'http-auth', values: { token: 't0k3n-value' } });
 */
export function createConnectionService(options: ConnectionServiceOptions): ConnectionService {
  const { store, box } = options;
  const now = options.now ?? Date.now;
  const checker = new ConnectionValueChecker(options.types);
  const decrypted = new Map<string, Record<string, unknown>>();

  function open(stored: StoredConnection): Record<string, unknown> {
    let values = decrypted.get(stored.name);
    if (!values) {
      values = { ...stored.values };
      for (const [field, sealed] of Object.entries(stored.secrets)) {
        values[field] = JSON.parse(box.open(sealed, `connection "${stored.name}" field "${field}"`));
      }
      decrypted.set(stored.name, values);
    }
    return values;
  }

  function view(stored: StoredConnection): ConnectionView {
    const result: ConnectionView = {
      name: stored.name,
      type: stored.type,
      values: { ...stored.values },
      secretFields: Object.keys(stored.secrets).sort(),
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
    };
    if (stored.description) result.description = stored.description;
    return result;
  }

  async function save(
    name: string,
    type: string,
    description: string | undefined,
    values: Record<string, unknown>,
    createdAt: number,
  ): Promise<ConnectionView> {
    checker.check(name, type, values);
    const { plain, secret } = checker.split(type, values);
    const secrets: Record<string, string> = {};
    for (const [field, value] of Object.entries(secret)) {
      secrets[field] = box.seal(JSON.stringify(value), `connection "${name}" field "${field}"`);
    }
    const stored: StoredConnection = { name, type, values: plain, secrets, createdAt, updatedAt: now() };
    if (description) stored.description = description;
    await store.putConnection(stored);
    decrypted.set(name, { ...values });
    await refreshRedactor();
    return view(stored);
  }

  async function refreshRedactor(): Promise<string[]> {
    const secrets: string[] = [];
    const unreadable: string[] = [];
    for (const stored of await store.listConnections()) {
      let values: Record<string, unknown>;
      try {
        values = open(stored);
      } catch {
        unreadable.push(stored.name);
        continue;
      }
      for (const field of Object.keys(stored.secrets)) secrets.push(...secretStrings(values[field]));
    }
    options.redactor?.setSecrets(secrets);
    return unreadable;
  }

  async function existing(name: string): Promise<StoredConnection> {
    const stored = await store.getConnection(name);
    if (!stored) throw notFound(name);
    return stored;
  }

  const service: ConnectionService = {
    list: async () => (await store.listConnections()).map(view),
    get: async (name) => view(await existing(name)),
    async create(name, input) {
      checkConnectionName(name);
      checkConnectionType(input.type);
      if (await store.getConnection(name)) {
        const message = `a connection config named "${name}" exists already`;
        throw new FlowbusError('CONNECTION:EXISTS', message, { name });
      }
      return save(name, input.type, input.description, checkConnectionValues(input.values ?? {}), now());
    },
    async update(name, patch) {
      const stored = await existing(name);
      const values = { ...open(stored) };
      for (const [field, value] of Object.entries(checkConnectionValues(patch.values ?? {}))) {
        if (value === null) delete values[field];
        else values[field] = value;
      }
      const type = patch.type === undefined ? stored.type : checkConnectionType(patch.type);
      const description =
        patch.description === undefined ? stored.description : (patch.description ?? undefined);
      return save(name, type, description, values, stored.createdAt);
    },
    async remove(name) {
      if (!(await store.deleteConnection(name))) throw notFound(name);
      decrypted.delete(name);
      await refreshRedactor();
    },
    async resolve(name, type) {
      const stored = await existing(name);
      if (type !== undefined && stored.type !== type) {
        throw new FlowbusError(
          'CONNECTION:TYPE_MISMATCH',
          `connection "${name}" is a ${stored.type} connection, a ${type} connection is needed`,
          { name, type: stored.type, expected: type },
        );
      }
      return structuredClone(open(stored));
    },
    resolver: { get: (name, connectorType) => service.resolve(name, connectorType) },
    loadSecrets: refreshRedactor,
  };
  return service;
}
