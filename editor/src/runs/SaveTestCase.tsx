/**
 * @module Saves the last test run, with its input and mocks, as a case of the flow's test file.
 */
import { useId, useState } from 'react';
import { saveTestCase } from '../api/flow-tests.js';
import type { FlowTestCase } from '../../../engine/flow-tests/format.js';

export interface SaveTestCaseProps {
  flowId: string;
  /** Builds the case from the last run, named `name`; undefined when there is no run to save. */
  buildCase: ((name: string) => FlowTestCase) | undefined;
  onSaved?: () => void;
}

export function SaveTestCase({ flowId, buildCase, onSaved }: SaveTestCaseProps) {
  const ids = useId();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; text: string }>();
  if (!buildCase) return null;
  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setOutcome({ tone: 'error', text: 'Give the test case a name.' });
      return;
    }
    setSaving(true);
    try {
      const answer = await saveTestCase(flowId, buildCase(trimmed));
      setOutcome({ tone: 'success', text: `Saved in ${answer.file}.` });
      onSaved?.();
    } catch (thrown) {
      const issues = (thrown as { issues?: Array<{ pointer?: string; message: string }> }).issues ?? [];
      const detail = issues.map((issue) => `${issue.pointer ?? ''} ${issue.message}`.trim()).join('; ');
      setOutcome({ tone: 'error', text: detail || (thrown as Error).message });
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="panel-section" aria-label="Save as test case">
      <div className="field">
        <label htmlFor={`${ids}-name`}>Test case name</label>
        <input id={`${ids}-name`} value={name} placeholder="the Catch logs a rate-limited robot" onChange={(event) => setName(event.target.value)} />
      </div>
      <p className="muted">Saves the input, the mocks and this run's status and steps as what the case expects.</p>
      <button type="button" className="button" onClick={() => void save()} disabled={saving}>
        {saving ? 'Saving…' : 'Save as test case'}
      </button>
      {outcome ? (
        <p className={outcome.tone === 'error' ? 'field-error' : 'muted'} role={outcome.tone === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
