/**
 * @module The executions panel's filter form: status, trigger kind, a time range and "handled errors only";
 * every change lists again at once.
 */
import { useId } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { EXECUTION_STATUSES, rangeProblem, TRIGGER_KINDS, type ExecutionFilters as Filters } from './execution-filters.js';

export interface ExecutionFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function ExecutionFilters({ filters, onChange }: ExecutionFiltersProps) {
  const { t } = useTranslation();
  const ids = useId();
  const set = <K extends keyof Filters>(name: K, value: Filters[K]) => onChange({ ...filters, [name]: value });
  return (
    <form className="execution-filters" role="search" aria-label={t('executions.filters')} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${ids}-status`}>{t('executions.status')}</label>
        <select id={`${ids}-status`} value={filters.status} onChange={(event) => set('status', event.target.value)}>
          <option value="">{t('executions.anyStatus')}</option>
          {EXECUTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`executionStatus.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-trigger`}>{t('executions.trigger')}</label>
        <select id={`${ids}-trigger`} value={filters.trigger} onChange={(event) => set('trigger', event.target.value)}>
          <option value="">{t('executions.anyTrigger')}</option>
          {TRIGGER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`executions.triggerKind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {(['from', 'to'] as const).map((name) => (
        <div className="field" key={name}>
          <label htmlFor={`${ids}-${name}`}>{t(`executions.${name}`)}</label>
          <input id={`${ids}-${name}`} type="datetime-local" step={1} value={filters[name]} onChange={(event) => set(name, event.target.value)} />
        </div>
      ))}
      <label className="checkbox">
        <input type="checkbox" checked={filters.handledOnly} onChange={(event) => set('handledOnly', event.target.checked)} />
        {t('executions.handledOnly')}
      </label>
      {rangeProblem(filters) ? (
        <p className="field-error" role="alert">
          {t('executions.rangeProblem')}
        </p>
      ) : null}
    </form>
  );
}
