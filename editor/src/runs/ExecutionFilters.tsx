/**
 * @module The executions panel's filter form: status, trigger kind, a time range and "handled errors only";
 * every change lists again at once.
 */
import { useId } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { SelectField } from '../ui/SelectField.js';
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
      <SelectField
        label={t('executions.status')}
        value={filters.status}
        anyLabel={t('executions.anyStatus')}
        options={EXECUTION_STATUSES.map((status) => ({ value: status, label: t(`executionStatus.${status}`) }))}
        onChange={(value) => set('status', value)}
      />
      <SelectField
        label={t('executions.trigger')}
        value={filters.trigger}
        anyLabel={t('executions.anyTrigger')}
        options={TRIGGER_KINDS.map((kind) => ({ value: kind, label: t(`executions.triggerKind.${kind}`) }))}
        onChange={(value) => set('trigger', value)}
      />
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
