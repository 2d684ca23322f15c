/**
 * @module Test event templates per product (the console's "send a test event"): every field but `data` is
 * fixed by the template; each send gets a fresh id and the current time.
 */
import { randomUUID } from 'node:crypto';
import { FlowbusError } from '../core/errors.js';
import type { BusEvent } from './cloudevents/index.js';

/** One template; `event` lacks `id` and `time`, which each send fills in. */
export interface EventTemplate {
  id: string;
  title: string;
  product: string;
  event: Omit<BusEvent, 'id' | 'time'>;
}

function cloudAlarm(
  product: string,
  eventType: string,
  subject: string,
  data: Record<string, unknown>,
): EventTemplate['event'] {
  return {
    specversion: '1.0',
    source: `${product}.cloud.tencent`,
    type: `${product}:ErrorEvent:${eventType}`,
    subject,
    region: 'ap-guangzhou',
    resource: [`qcs::${product}:ap-guangzhou:uin/1250000000:instance/${subject}`],
    datacontenttype: 'application/json;charset=utf-8',
    status: '1',
    data,
  };
}

/** A CVM alarm of instance `ins-sjksjk`; `extra` is its `additionalMsg`. */
function cvmTemplate(id: string, title: string, eventType: string, extra: Record<string, unknown>): EventTemplate {
  const data = {
    appId: '1250000011',
    instanceId: 'ins-sjksjk',
    projectId: '11',
    dimensions: { ip: '10.0.0.12' },
    additionalMsg: extra,
  };
  return { id, title, product: 'cvm', event: cloudAlarm('cvm', eventType, 'ins-sjksjk', data) };
}

/** The built-in templates. */
export const EVENT_TEMPLATES: readonly EventTemplate[] = [
  cvmTemplate('cvm-instance-reboot', 'CVM - instance reboot', 'InstanceReboot', { reason: 'instance restarted' }),
  cvmTemplate('cvm-ping-unreachable', 'CVM - ping unreachable', 'PingUnreachable', { IP: 'something unnormal' }),
  cvmTemplate('cvm-disk-read-only', 'CVM - disk read-only', 'DiskReadOnly', { disk: '/dev/vdb' }),
  cvmTemplate('cvm-guest-reboot', 'CVM - guest reboot', 'GuestReboot', { reason: 'guest os reboot' }),
  {
    id: 'oceanus-taskmanager-cpu-high',
    title: 'Oceanus - TaskManager CPU high',
    product: 'oceanus',
    event: cloudAlarm('oceanus', 'TaskManagerCpuHigh', 'cql-abcd1234', {
      appId: '1250000011',
      clusterId: 'cluster-abcd1234',
      jobId: 'cql-abcd1234',
      taskManager: 'tm-1',
      cpuUsage: 93.5,
    }),
  },
];

/**
 * The event a template sends: its fixed fields, a fresh id, the time now, and `data` when given.
 * Any other change is refused: only `data` is editable.
 *
 * @example
 * const event = templateEvent('cvm-guest-reboot', { data: { instanceId: 'ins-1' } }, Date.now());
 */
export function templateEvent(id: string, changes: Record<string, unknown>, now: number): BusEvent {
  const template = EVENT_TEMPLATES.find((candidate) => candidate.id === id);
  if (!template) {
    const known = EVENT_TEMPLATES.map((candidate) => candidate.id).join(', ');
    throw new FlowbusError('BUS:TEMPLATE_NOT_FOUND', `no event template "${id}" (known: ${known})`);
  }
  const other = Object.keys(changes).find((key) => key !== 'data');
  if (other !== undefined) {
    const message = `"${other}" cannot be changed: a test event only takes a new "data"`;
    throw new FlowbusError('API:BAD_REQUEST', message);
  }
  const { specversion, source, type, ...rest } = structuredClone(template.event) as Record<string, unknown>;
  const sent = { specversion, id: randomUUID(), source, type, time: now, ...rest } as BusEvent;
  if ('data' in changes) sent.data = changes.data;
  return sent;
}
