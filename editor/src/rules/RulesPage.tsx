/**
 * @module The rules of the event buses: their pattern's bus, switch, targets and problems; create and
 * delete (after confirmation).
 */
import { useCallback, useEffect, useState } from 'react';
import { Trans } from 'react-i18next';
import { deleteRule, listRules, type RuleSummary } from '../api/rules.js';
import { AppNav } from '../app/AppNav.js';
import { useTranslation } from '../i18n/i18n.js';
import { Banner } from '../ui/Banner.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { NewFileDialog } from '../ui/NewFileDialog.js';
import { Spinner } from '../ui/Spinner.js';
import { TargetLinks } from './TargetLinks.js';

export function RulesPage({ onCreate }: { onCreate: (id: string, name: string) => void }) {
  const [rules, setRules] = useState<RuleSummary[]>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<RuleSummary>();
  const { t, i18n } = useTranslation();
  const load = useCallback(() => {
    setError(undefined);
    listRules().then(setRules, (thrown: Error) => setError(thrown.message));
  }, []);
  useEffect(load, [load]);
  return (
    <div className="list-page">
      <AppNav current="rules" />
      <header className="page-header">
        <div>
          <h1>{t('rules.title')}</h1>
          <p className="muted">{t('rules.intro')}</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          {t('rules.newRule')}
        </button>
      </header>
      {error ? (
        <Banner tone="error" actions={<button type="button" className="button button-small" onClick={load}>{t('common.tryAgain')}</button>}>
          {error}
        </Banner>
      ) : null}
      {rules === undefined && !error ? <Spinner label={t('rules.loading')} /> : null}
      {rules?.length === 0 ? (
        <div className="empty-state">
          <h2>{t('rules.emptyTitle')}</h2>
          <p>{t('rules.emptyText')}</p>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('rules.emptyCreate')}
          </button>
        </div>
      ) : null}
      {rules && rules.length > 0 ? (
        <table className="flow-table">
          <thead>
            <tr>
              <th scope="col">{t('rules.columnRule')}</th>
              <th scope="col">{t('rules.columnBus')}</th>
              <th scope="col">{t('rules.columnTargets')}</th>
              <th scope="col">{t('rules.columnStatus')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('rules.columnActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id}>
                <td>
                  <a className="flow-link" href={`#/rules/${encodeURIComponent(rule.id)}`}>
                    {rule.name ?? rule.id}
                  </a>
                  <div className="flow-file">{rule.file ?? `${rule.id}.rule.json`}</div>
                </td>
                <td className="mono">{rule.bus}</td>
                <td>
                  <TargetLinks rule={rule} />
                </td>
                <td>
                  {!rule.valid ? (
                    <span className="status-pill status-invalid">{t('rules.invalid')}</span>
                  ) : rule.enabled ? (
                    <span className="status-pill status-published">{t('rules.enabled')}</span>
                  ) : (
                    <span className="status-pill">{t('rules.disabled')}</span>
                  )}
                </td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="button button-small button-danger" aria-label={t('rules.deleteLabel', { id: rule.id })} onClick={() => setDeleting(rule)}>
                      {t('rules.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {creating ? (
        <NewFileDialog
          noun="rule"
          placeholder={t('rules.namePlaceholder')}
          taken={new Set((rules ?? []).map((rule) => rule.id))}
          onCreate={onCreate}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('rules.deleteTitle', { name: deleting.name ?? deleting.id })}
          confirmLabel={t('rules.deleteConfirm')}
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await deleteRule(deleting.id);
            setDeleting(undefined);
            load();
          }}
        >
          <p>
            <Trans i18n={i18n} i18nKey="rules.deleteText" values={{ file: deleting.file ?? `${deleting.id}.rule.json` }} components={{ code: <code /> }} />
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
