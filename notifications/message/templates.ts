/**
 * @module The notification text: the default alarm message (the vendor's alarm e-mail) and user templates
 * with `{{ field }}` holes, compiled once each and evaluated bounded.
 */
import { FlowbusError, compileTemplate, type CompiledExpression } from '../../engine/sdk.js';
import type { MessageTemplate } from '../config/schema.js';
import type { AlarmFields } from './alarm-fields.js';

/** The default message: what the vendor's alarm e-mail says, field by field. */
export const DEFAULT_TEMPLATE: Required<Omit<MessageTemplate, 'html'>> = {
  subject: '{{ product }} Alarm Notification',
  text: [
    'Dear user,',
    '',
    'An alarm event occurred for {{ product }} (rule {{ rule }}, event {{ eventId }}).',
    '',
    'Alarm event: {{ eventType }}',
    'Alarmed service: {{ product }}',
    'Alarmed resource: {{ resource }}',
    'Alarm region: {{ region }}',
    'Event occurrence time: {{ time }} ({{ timeZone }})',
    'Event status: {{ statusText }}',
    '',
  ].join('\n'),
  markdown: [
    '**{{ product }} Alarm Notification**',
    '> Alarm event: {{ eventType }}',
    '> Alarmed service: {{ product }}',
    '> Alarmed resource: {{ resource }}',
    '> Alarm region: {{ region }}',
    '> Event occurrence time: {{ time }} ({{ timeZone }})',
    '> Event status: {{ statusText }}',
  ].join('\n'),
};

/** The message every channel of one notification sends. */
export interface RenderedMessage {
  subject: string;
  text?: string;
  html?: string;
  markdown: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every string inside `value`, HTML-escaped. */
export function escapeHtmlDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
  if (Array.isArray(value)) return value.map(escapeHtmlDeep);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeHtmlDeep(item)]));
  }
  return value;
}

/** Renders templates; compiled templates are kept by their text. */
export interface TemplateRenderer {
  render(template: MessageTemplate | undefined, fields: AlarmFields): Promise<RenderedMessage>;
}

function notRetryable(thrown: unknown, field: string): FlowbusError {
  const error = thrown as { type?: string; message?: string; details?: Record<string, unknown> };
  const message = `template.${field}: ${error.message ?? String(thrown)}`;
  return new FlowbusError(error.type ?? 'EXPRESSION:EVALUATION', message, {
    ...error.details,
    field: `template.${field}`,
    retryable: false,
  });
}

/**
 * A renderer. A template that gives `text` or `html` replaces the default body; one that gives neither
 * keeps the default text. `subject` and `markdown` fall back to the defaults one by one.
 *
 * @example
 * const message = await createTemplateRenderer().render(undefined, alarmFields(item, 'Asia/Shanghai'));
 */
export function createTemplateRenderer(): TemplateRenderer {
  const compiled = new Map<string, CompiledExpression>();
  const run = async (source: string, field: string, input: unknown): Promise<string> => {
    try {
      let template = compiled.get(source);
      if (!template) {
        template = compileTemplate(source);
        compiled.set(source, template);
      }
      return String(await template.evaluate(input));
    } catch (thrown) {
      throw notRetryable(thrown, field);
    }
  };
  return {
    async render(template = {}, fields) {
      const ownBody = template.text !== undefined || template.html !== undefined;
      const text = ownBody ? template.text : DEFAULT_TEMPLATE.text;
      const subject = await run(template.subject ?? DEFAULT_TEMPLATE.subject, 'subject', fields);
      const message: RenderedMessage = {
        // A subject is one header line: line breaks from event values become spaces.
        subject: subject.replace(/[\r\n]+/g, ' '),
        markdown: await run(template.markdown ?? DEFAULT_TEMPLATE.markdown, 'markdown', fields),
      };
      if (text !== undefined) message.text = await run(text, 'text', fields);
      if (template.html !== undefined) {
        message.html = await run(template.html, 'html', escapeHtmlDeep(fields));
      }
      return message;
    },
  };
}
