/**
 * @module What a test run starts from: the trigger's sample event, a product template, the inputs of the
 * flow's test cases (its saved samples), the last run's input, an HTTP request, or edited JSON, and how each
 * becomes the body of a dry run.
 */
import type { FlowTestCase } from '../../../engine/flow-tests/format.js';
import type { DryRunInput } from '../api/flows.js';
import type { EventTemplate, StoredExecution } from '../api/types.js';

/** How the JSON of the run panel is sent: as a CloudEvent (the input the bus would give) or as a message. */
export type InputMode = 'event' | 'message';

export interface InputChoice {
  id: string;
  /** The English label; `text` is its i18n key and values, for the UI language. */
  label: string;
  text: { key: string; values?: Record<string, string> };
  mode: InputMode;
  value: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A template's event as sent: its fields, with a fresh id and the time now where the template has none. */
export function templateEvent(event: Record<string, unknown>, now: number = Date.now()): Record<string, unknown> {
  const { specversion, source, type, ...rest } = event;
  return { specversion, id: event.id ?? globalThis.crypto.randomUUID(), source, type, time: event.time ?? now, ...rest };
}

/** What an HTTP-triggered flow is started with: the request's method, path, query, headers and body. */
export function httpRequestSample(path = '/'): { payload: unknown; attributes: Record<string, unknown> } {
  return {
    payload: {},
    attributes: { method: 'POST', path, query: {}, headers: { 'content-type': 'application/json' }, params: {} },
  };
}

/** Where the run panel takes extra choices from: the flow's test cases and, for HTTP flows, the path. */
export interface ChoiceSources {
  cases?: FlowTestCase[];
  httpPath?: string;
}

/** The inputs to offer, in order: the sample event, the templates, the test cases, the last run's input. */
export function inputChoices(
  sampleEvent: unknown,
  templates: EventTemplate[],
  lastRun: StoredExecution | undefined,
  eventTrigger: boolean,
  sources: ChoiceSources = {},
): InputChoice[] {
  const choices: InputChoice[] = [];
  if (isRecord(sampleEvent)) choices.push({ id: 'sample', label: "The trigger's sample event", text: { key: 'testRun.choiceSample' }, mode: 'event', value: sampleEvent });
  if (eventTrigger) {
    for (const template of templates) {
      const values = { title: template.title };
      choices.push({ id: `template:${template.id}`, label: `Template: ${template.title}`, text: { key: 'testRun.choiceTemplate', values }, mode: 'event', value: templateEvent(template.event) });
    }
  }
  for (const [index, testCase] of (sources.cases ?? []).entries()) {
    const label = `Test case: ${testCase.name}`;
    const text = { key: 'testRun.choiceCase', values: { name: testCase.name } };
    if (testCase.event) choices.push({ id: `case:${index}`, label, text, mode: 'event', value: testCase.event });
    else choices.push({ id: `case:${index}`, label, text, mode: 'message', value: { payload: null, ...testCase.input } });
  }
  if (lastRun) {
    const { payload, attributes, vars } = lastRun.input;
    choices.push({ id: 'last', label: 'The input of the last run', text: { key: 'testRun.choiceLast' }, mode: 'message', value: { payload, attributes, vars } });
  }
  if (!eventTrigger) {
    choices.push({ id: 'http', label: 'An HTTP request (method, path, query, headers, body)', text: { key: 'testRun.choiceHttp' }, mode: 'message', value: httpRequestSample(sources.httpPath) });
  }
  return choices;
}

/** The dry-run body for JSON `text` in `mode`, or the reason it cannot be sent. */
export function dryRunInput(text: string, mode: InputMode): { input: DryRunInput } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (thrown) {
    return { problem: `the test input is not valid JSON: ${(thrown as Error).message}` };
  }
  if (!isRecord(value)) return { problem: 'the test input must be a JSON object' };
  if (mode === 'event') return { input: { event: value } };
  const { payload = null, attributes, vars } = value as { payload?: unknown; attributes?: unknown; vars?: unknown };
  if (attributes !== undefined && !isRecord(attributes)) return { problem: '"attributes" must be an object' };
  if (vars !== undefined && !isRecord(vars)) return { problem: '"vars" must be an object' };
  return { input: { input: { payload, ...(attributes ? { attributes } : {}), ...(vars ? { vars } : {}) } } };
}
