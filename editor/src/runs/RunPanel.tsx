/**
 * @module Test runs: pick an input (sample event, template, last input) or edit its JSON, mock steps, run the
 * flow as drawn (saved or not, side effects stubbed), see each step's result (the canvas shows them too), and
 * save the run as a flow test case.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { listEventTemplates } from '../api/event-templates.js';
import { getFlowTests } from '../api/flow-tests.js';
import type { FlowTestCase } from '../../../engine/flow-tests/format.js';
import { dryRun, type DryRunInput } from '../api/flows.js';
import type { EventTemplate, StoredExecution } from '../api/types.js';
import type { StepStub } from '../../../engine/runtime/types.js';
import { Spinner } from '../ui/Spinner.js';
import { dryRunInput, inputChoices, type InputMode } from './run-input.js';
import { RunSummary } from './RunSummary.js';
import { SaveTestCase } from './SaveTestCase.js';
import { stubsOfMocks, type StepMock } from './step-mocks.js';
import { StepMocks } from './StepMocks.js';
import { testCaseFromRun } from './test-case.js';
import { useTranslation } from '../i18n/i18n.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { PanelHeader } from '../properties/NodeHeader.js';

export interface RunPanelProps {
  flowId: string;
  draft: unknown;
  sampleEvent: unknown;
  eventTrigger: boolean;
  /** The HTTP trigger's path, for the sample request. */
  httpPath?: string;
  /** Ids of the steps a mock can replace. */
  mockableStepIds: string[];
  /** The run shown on the canvas. */
  shown?: StoredExecution;
  lastRun?: StoredExecution;
  onResult: (record: StoredExecution) => void;
  onSelectStep: (stepId: string) => void;
  /** Bumped by the Ctrl+Enter shortcut to run now. */
  runRequest: number;
}

export function RunPanel({ flowId, draft, sampleEvent, eventTrigger, httpPath, mockableStepIds, shown, lastRun, onResult, onSelectStep, runRequest }: RunPanelProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [templates, setTemplates] = useState<EventTemplate[]>();
  const [choiceId, setChoiceId] = useState<string>();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<InputMode>(eventTrigger ? 'event' : 'message');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const [mocks, setMocks] = useState<StepMock[]>([]);
  // What the last run of this panel was given, to save it as a test case.
  const [setup, setSetup] = useState<{ input: DryRunInput; stubs: Record<string, StepStub>; record: StoredExecution }>();
  const [cases, setCases] = useState<FlowTestCase[]>([]);
  const [casesRead, setCasesRead] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    listEventTemplates(controller.signal).then(setTemplates, () => setTemplates([]));
    return () => controller.abort();
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    // A flow without a test file (or not saved yet) has no cases to offer.
    getFlowTests(flowId, controller.signal).then((answer) => setCases(answer.tests?.cases ?? []), () => setCases([]));
    return () => controller.abort();
  }, [flowId, casesRead]);
  const choices = useMemo(
    () => inputChoices(sampleEvent, templates ?? [], lastRun, eventTrigger, { cases, httpPath }),
    [sampleEvent, templates, lastRun, eventTrigger, cases, httpPath],
  );
  const choose = (id: string) => {
    const choice = choices.find((candidate) => candidate.id === id);
    setChoiceId(id);
    if (!choice) return;
    setText(JSON.stringify(choice.value, null, 2));
    setMode(choice.mode);
  };
  useEffect(() => {
    if (choiceId === undefined && choices[0] && templates !== undefined) choose(choices[0].id);
    // Only once the choices are first known: later changes must not replace JSON being edited.
  }, [choices, templates]);
  const run = async () => {
    const body = dryRunInput(text, mode);
    if ('problem' in body) {
      setError(body.problem);
      return;
    }
    const mocked = stubsOfMocks(mocks.filter((mock) => mockableStepIds.includes(mock.stepId)));
    if ('problem' in mocked) {
      setError(mocked.problem);
      return;
    }
    setRunning(true);
    setError(undefined);
    try {
      const record = await dryRun(flowId, draft, body.input, mocked.stubs);
      setSetup({ input: body.input, stubs: mocked.stubs, record });
      onResult(record);
    } catch (thrown) {
      const issues = (thrown as { issues?: Array<{ message: string; stepId?: string }> }).issues ?? [];
      const named = issues.map((issue) => (issue.stepId ? `${issue.message} (step ${issue.stepId})` : issue.message));
      const detail = issues.length > 0 ? `: ${named.join('; ')}` : '';
      setError(`${(thrown as Error).message}${detail}`);
    } finally {
      setRunning(false);
    }
  };
  useEffect(() => {
    // Runs on the shortcut's request only, with the input as it is then.
    if (runRequest > 0) void run();
  }, [runRequest]);
  return (
    <div className="properties run-panel" role="region" aria-label={t('testRun.title')}>
      <PanelHeader title={t('testRun.title')} subtitle={t('testRun.intro')} />
      <section className="panel-section">
        <div className="field">
          <label htmlFor={`${ids}-source`}>{t('testRun.input')}</label>
          {templates === undefined ? (
            <Spinner inline label={t('testRun.loadingTemplates')} />
          ) : (
            <select id={`${ids}-source`} value={choiceId ?? ''} onChange={(event) => choose(event.target.value)}>
              {choiceId === undefined || choiceId === 'custom' ? <option value="custom">{t('testRun.edited')}</option> : null}
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {t(choice.text.key, choice.text.values)}
                </option>
              ))}
            </select>
          )}
        </div>
        <div className="field">
          <div className="field-head">
            <label htmlFor={`${ids}-json`}>{t('testRun.inputJson')}</label>
            <select aria-label={t('testRun.sendAs')} value={mode} onChange={(event) => setMode(event.target.value as InputMode)}>
              <option value="event">{t('testRun.asEvent')}</option>
              <option value="message">{t('testRun.asMessage')}</option>
            </select>
          </div>
          <textarea
            id={`${ids}-json`}
            className="code-input"
            rows={10}
            spellCheck={false}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setChoiceId('custom');
            }}
          />
        </div>
        <StepMocks stepIds={mockableStepIds} mocks={mocks} onChange={setMocks} />
        <div className="run-actions">
          <button type="button" className="button button-primary" onClick={() => void run()} disabled={running} title={t('testRun.shortcut')}>
            {running ? t('testRun.running') : t('testRun.run')}
          </button>
          {running ? <Spinner inline label={t('testRun.runningFlow')} /> : null}
        </div>
        <ErrorAlert>{error}</ErrorAlert>
      </section>
      {shown ? <RunSummary record={shown} onSelectStep={onSelectStep} /> : null}
      <SaveTestCase
        flowId={flowId}
        onSaved={() => setCasesRead((count) => count + 1)}
        buildCase={setup && setup.record === shown ? (name) => testCaseFromRun(name, setup.input, setup.stubs, setup.record) : undefined}
      />
    </div>
  );
}
