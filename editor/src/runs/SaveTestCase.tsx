/**
 * @module Saves the last test run, with its input and mocks, as a case of the flow's test file.
 */
import { useId, useState } from 'react';
import { saveTestCase } from '../api/flow-tests.js';
import type { FlowTestCase } from '../../../engine/flow-tests/format.js';
import { useTranslation } from '../i18n/i18n.js';

export interface SaveTestCaseProps {
  flowId: string;
  /** Builds the case from the last run, named `name`; undefined when there is no run to save. */
  buildCase: ((name: string) => FlowTestCase) | undefined;
  onSaved?: () => void;
}

export function SaveTestCase({ flowId, buildCase, onSaved }: SaveTestCaseProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; text: string }>();
  if (!buildCase) return null;
  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setOutcome({ tone: 'error', text: t('saveCase.needsName') });
      return;
    }
    setSaving(true);
    try {
      const answer = await saveTestCase(flowId, buildCase(trimmed));
      setOutcome({ tone: 'success', text: t('saveCase.saved', { file: answer.file }) });
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
    <section className="panel-section" aria-label={t('saveCase.title')}>
      <div className="field">
        <label htmlFor={`${ids}-name`}>{t('saveCase.name')}</label>
        <input id={`${ids}-name`} value={name} placeholder={t('saveCase.namePlaceholder')} onChange={(event) => setName(event.target.value)} />
      </div>
      <p className="muted">{t('saveCase.intro')}</p>
      <button type="button" className="button" onClick={() => void save()} disabled={saving}>
        {saving ? t('saveCase.saving') : t('saveCase.save')}
      </button>
      {outcome ? (
        <p className={outcome.tone === 'error' ? 'field-error' : 'muted'} role={outcome.tone === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
