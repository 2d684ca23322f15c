/**
 * @module The events search form: where to search (recent traces or the log store), bus, source, type,
 * subject, rule, a target's status and a time range.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/i18n.js';
import type { TargetStatus } from '../../api/console.js';
import { SelectField } from '../../ui/SelectField.js';
import type { EventFilter, EventQuery } from './event-query.js';

const STATUSES: TargetStatus[] = ['pending', 'retrying', 'delivered', 'dead-lettered', 'dropped', 'ignored'];
const TEXT_FILTERS = ['source', 'type', 'subject'] as const;

export interface EventFiltersProps {
  query: EventQuery;
  buses: Array<{ id: string; name: string }>;
  rules: string[];
  onSearch: (query: EventQuery) => void;
}

export function EventFilters({ query, buses, rules, onSearch }: EventFiltersProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [where, setWhere] = useState(query.where);
  const [filters, setFilters] = useState(query.filters);
  const set = (name: EventFilter, value: string) => setFilters((current) => ({ ...current, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ where, filters, offset: 0 });
  };
  const select = (name: 'bus' | 'rule', options: Array<{ id: string; name: string }>) => (
    <SelectField
      label={t(`events.${name}`)}
      value={filters[name] ?? ''}
      anyLabel={t('common.any')}
      options={options.map((option) => ({ value: option.id, label: option.name }))}
      onChange={(value) => set(name, value)}
    />
  );
  return (
    <form className="console-filters" role="search" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${ids}-where`}>{t('events.where')}</label>
        <select id={`${ids}-where`} value={where} onChange={(event) => setWhere(event.target.value as EventQuery['where'])}>
          <option value="recent">{t('events.recent')}</option>
          <option value="log-store">{t('events.logStore')}</option>
        </select>
      </div>
      {select('bus', buses)}
      {TEXT_FILTERS.map((name) => (
        <div className="field" key={name}>
          <label htmlFor={`${ids}-${name}`}>{t(`events.${name}`)}</label>
          <input id={`${ids}-${name}`} type="text" value={filters[name] ?? ''} onChange={(event) => set(name, event.target.value)} />
        </div>
      ))}
      {select('rule', rules.map((rule) => ({ id: rule, name: rule })))}
      {where === 'recent' ? (
        <SelectField
          label={t('events.deliveryStatus')}
          value={filters.status ?? ''}
          anyLabel={t('events.anyStatus')}
          options={STATUSES.map((status) => ({ value: status, label: t(`targetStatus.${status}`) }))}
          onChange={(value) => set('status', value)}
        />
      ) : null}
      {(['from', 'to'] as const).map((name) => (
        <div className="field" key={name}>
          <label htmlFor={`${ids}-${name}`}>{t(`events.${name}`)}</label>
          <input id={`${ids}-${name}`} type="datetime-local" step={1} value={filters[name] ?? ''} onChange={(event) => set(name, event.target.value)} />
        </div>
      ))}
      <div className="console-filters-actions">
        <button type="submit" className="button button-primary">
          {t('common.search')}
        </button>
      </div>
    </form>
  );
}
