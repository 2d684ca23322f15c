/**
 * @module What the message-push schema cannot see, found when a rule is loaded, saved or validated: a time
 * zone this runtime does not know, and a template hole that does not compile.
 */
import { compileTemplate, type TargetConfigIssue } from '../../engine/sdk.js';
import { checkTimeZone } from '../schedule/zoned-time.js';
import type { MessagePushConfig, MessageTemplate } from './schema.js';

const TEMPLATE_FIELDS = ['subject', 'text', 'html', 'markdown'] as const satisfies ReadonlyArray<keyof MessageTemplate>;

function timeZoneIssues(timeZone: string | undefined): TargetConfigIssue[] {
  if (timeZone === undefined) return [];
  try {
    checkTimeZone(timeZone);
    return [];
  } catch {
    const expected = 'expected an IANA name such as Asia/Shanghai or Europe/Berlin';
    const message = `timeZone: unknown time zone "${timeZone}": ${expected}`;
    return [{ pointer: '/timeZone', code: 'unknown-time-zone', message }];
  }
}

function templateIssues(template: MessageTemplate | undefined): TargetConfigIssue[] {
  const issues: TargetConfigIssue[] = [];
  for (const field of TEMPLATE_FIELDS) {
    const source = template?.[field];
    if (typeof source !== 'string') continue;
    try {
      compileTemplate(source);
    } catch (thrown) {
      const reason = (thrown as Error).message;
      const message = `template.${field}: ${reason}`;
      issues.push({ pointer: `/template/${field}`, code: 'expression-syntax', message });
    }
  }
  return issues;
}

/**
 * Every problem of a config that passed the schema.
 *
 * @example
 * checkMessagePushConfig({ receivers, timeZone: 'Mars/Olympus' });
 * // [{ pointer: '/timeZone', code: 'unknown-time-zone', message: 'timeZone: unknown time zone "Mars/Olympus": ...' }]
 */
export function checkMessagePushConfig(config: MessagePushConfig): TargetConfigIssue[] {
  return [...timeZoneIssues(config.timeZone), ...templateIssues(config.template)];
}
