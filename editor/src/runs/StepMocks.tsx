/**
 * @module The run panel's mocks: pick a step, then pin its output or make it fail with a chosen error type,
 * so a test run can walk a Catch branch. The same mocks become the stubs of a saved flow test case.
 */
import { useId, useState } from 'react';
import { newMock, SUGGESTED_ERROR_TYPES, type StepMock } from './step-mocks.js';
import { useTranslation } from '../i18n/i18n.js';

export interface StepMocksProps {
  /** Ids of the steps that can be mocked (action steps, not scopes). */
  stepIds: string[];
  mocks: StepMock[];
  onChange: (mocks: StepMock[]) => void;
}

function MockEditor({ mock, onChange, onRemove }: { mock: StepMock; onChange: (mock: StepMock) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const set = (patch: Partial<StepMock>) => onChange({ ...mock, ...patch });
  return (
    <li className="step-mock" role="group" aria-label={t('mocks.mockOf', { step: mock.stepId })}>
      <div className="field-head">
        <code className="step-mock-id">{mock.stepId}</code>
        <select aria-label={t('mocks.behaviour')} value={mock.kind} onChange={(event) => set({ kind: event.target.value as StepMock['kind'] })}>
          <option value="fail">{t('mocks.fail')}</option>
          <option value="pin">{t('mocks.pin')}</option>
        </select>
        <button type="button" className="button button-small" onClick={onRemove} aria-label={t('mocks.removeLabel', { step: mock.stepId })}>
          {t('mocks.remove')}
        </button>
      </div>
      {mock.kind === 'fail' ? (
        <>
          <div className="field">
            <label htmlFor={`${ids}-type`}>{t('mocks.errorType')}</label>
            <input id={`${ids}-type`} list={`${ids}-types`} value={mock.errorType} spellCheck={false} onChange={(event) => set({ errorType: event.target.value })} />
            <datalist id={`${ids}-types`}>
              {SUGGESTED_ERROR_TYPES.map((type) => (
                <option key={type} value={type} />
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-message`}>{t('mocks.errorMessage')}</label>
            <input id={`${ids}-message`} value={mock.errorMessage} placeholder={t('mocks.errorMessagePlaceholder')} onChange={(event) => set({ errorMessage: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-details`}>{t('mocks.errorDetails')}</label>
            <textarea
              id={`${ids}-details`}
              className="code-input"
              rows={2}
              spellCheck={false}
              placeholder='{ "status": 500 }'
              value={mock.detailsText}
              onChange={(event) => set({ detailsText: event.target.value })}
            />
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor={`${ids}-output`}>{t('mocks.pinned')}</label>
          <textarea
            id={`${ids}-output`}
            className="code-input"
            rows={4}
            spellCheck={false}
            value={mock.outputText}
            onChange={(event) => set({ outputText: event.target.value })}
          />
        </div>
      )}
    </li>
  );
}

export function StepMocks({ stepIds, mocks, onChange }: StepMocksProps) {
  const { t } = useTranslation();
  const ids = useId();
  const free = stepIds.filter((stepId) => !mocks.some((mock) => mock.stepId === stepId));
  const [chosen, setChosen] = useState('');
  const pick = chosen && free.includes(chosen) ? chosen : (free[0] ?? '');
  return (
    <section className="panel-section step-mocks" aria-label={t('mocks.title')}>
      <h3>{t('mocks.title')}</h3>
      <p className="muted">{t('mocks.intro')}</p>
      {mocks.length > 0 ? (
        <ul className="step-mock-list">
          {mocks.map((mock, index) => (
            <MockEditor
              key={mock.stepId}
              mock={mock}
              onChange={(next) => onChange(mocks.map((known, at) => (at === index ? next : known)))}
              onRemove={() => onChange(mocks.filter((_, at) => at !== index))}
            />
          ))}
        </ul>
      ) : null}
      {free.length > 0 ? (
        <div className="field-head">
          <label htmlFor={`${ids}-step`}>{t('mocks.mockStep')}</label>
          <select id={`${ids}-step`} value={pick} onChange={(event) => setChosen(event.target.value)}>
            {free.map((stepId) => (
              <option key={stepId} value={stepId}>
                {stepId}
              </option>
            ))}
          </select>
          <button type="button" className="button button-small" onClick={() => onChange([...mocks, newMock(pick)])}>
            {t('mocks.add')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
