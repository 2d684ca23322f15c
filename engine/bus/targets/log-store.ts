/**
 * @module The `log-store` target: keeps each event in the bus's searchable log store.
 */
import type { TargetTypeDefinition } from '../types.js';

/** `log-store`: archives events; the API searches them by time, bus, source, type, subject and status. */
export const logStoreTarget: TargetTypeDefinition<Record<string, never>> = {
  type: 'log-store',
  title: 'Log store',
  description:
    'Keeps every matching event in the log store (with the ids of the rules that sent it), searchable ' +
    'through `GET /api/log-store/search` by time range, bus, source, type, subject and status, newest ' +
    'first. Entries older than the retention are removed.',
  i18n: {
    'zh-CN': {
      title: '日志存储',
      description:
        '把每个匹配的事件（连同发送它的规则 ID）保存到日志存储，可通过 `GET /api/log-store/search` 按时间范围、' +
        '事件总线、来源、类型、主题和状态检索，最新的在前。超过保留期的条目会被删除。',
    },
  },
  config: { type: 'object', properties: {}, additionalProperties: false },
  batching: true,
  defaultRetry: { maxAttempts: 10, initialDelayMs: 100, maxDelayMs: 5000 },
  async deliver(batch, { services }) {
    await services.logStore.append(batch);
    return { detail: `stored ${batch.length} event${batch.length === 1 ? '' : 's'}` };
  },
};
