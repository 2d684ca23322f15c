/**
 * @module Turns a published flow's HTTP trigger config into a ready-to-serve table entry, once per publish.
 */
import { compileValue, type CompiledValue } from '../../expressions/index.js';
import type { CompiledFlow } from '../../runtime/types.js';
import type { HttpTriggerConfig } from '../../steps/http/index.js';
import type { TriggerAuth } from './auth.js';
import { compileIpAllowList, type IpAllowList } from './ip-allow-list.js';
import { parsePathPattern, type PathPattern } from './path-pattern.js';
import type { RoutedEntry } from './trigger-table.js';

/** The step type of the HTTP trigger. */
export const HTTP_TRIGGER_TYPE = 'http';

/** The response settings, with expressions compiled. */
export interface CompiledResponse {
  mode: 'sync' | 'async';
  status?: CompiledValue;
  headers?: CompiledValue;
  /** Absent: the final payload is the body. */
  body?: CompiledValue;
}

/** One HTTP trigger, ready to serve. */
export interface TriggerEntry extends RoutedEntry {
  flow: CompiledFlow;
  /** Content hash of the flow file version that is served. */
  version: string;
  triggerId: string;
  pattern: PathPattern;
  methods: string[];
  response: CompiledResponse;
  auth: TriggerAuth;
  ipAllowList?: IpAllowList;
}

const DEFAULT_METHODS = ['POST'];
const DEFAULT_SIGNATURE_HEADER = 'x-signature';

/**
 * The table entry of a flow with an HTTP trigger, or undefined for another trigger type. Throws `VALIDATION`
 * for a path or allow-list entry the server cannot use.
 */
export function compileTrigger(flow: CompiledFlow, version: string): TriggerEntry | undefined {
  const trigger = flow.document.trigger;
  if (trigger.type !== HTTP_TRIGGER_TYPE) return undefined;
  const config = (trigger.config ?? {}) as unknown as HttpTriggerConfig;
  const response = config.response ?? {};
  const compiled: CompiledResponse = { mode: response.mode === 'async' ? 'async' : 'sync' };
  if (response.status !== undefined) compiled.status = compileValue(response.status);
  if (response.headers !== undefined) compiled.headers = compileValue(response.headers);
  if (Object.hasOwn(response, 'body')) compiled.body = compileValue(response.body);
  const auth = config.auth ?? {};
  const entry: TriggerEntry = {
    flowId: flow.id,
    flow,
    version,
    triggerId: trigger.id,
    pattern: parsePathPattern(config.path),
    methods: [...new Set(config.methods ?? DEFAULT_METHODS)],
    response: compiled,
    auth: {
      type: auth.type ?? 'none',
      connection: auth.connection,
      header: (auth.header ?? DEFAULT_SIGNATURE_HEADER).toLowerCase(),
    },
  };
  if (config.ipAllowList) entry.ipAllowList = compileIpAllowList(config.ipAllowList);
  return entry;
}
