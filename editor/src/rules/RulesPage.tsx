/**
 * @module The rules of the event buses: their pattern's bus, switch, targets and problems; create and
 * delete (after confirmation).
 */
import { useCallback, useEffect, useState } from 'react';
import { deleteRule, listRules, type RuleSummary } from '../api/rules.js';
import { AppNav } from '../app/AppNav.js';
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
          <h1>Rules</h1>
          <p className="muted">A rule sends the events of a bus that match its pattern to its targets: flows, webhooks, the log store, message push, queues.</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          New rule
        </button>
      </header>
      {error ? (
        <Banner tone="error" actions={<button type="button" className="button button-small" onClick={load}>Try again</button>}>
          {error}
        </Banner>
      ) : null}
      {rules === undefined && !error ? <Spinner label="Loading rules…" /> : null}
      {rules?.length === 0 ? (
        <div className="empty-state">
          <h2>No rules yet</h2>
          <p>Create a rule to route events, e.g. every event from cvm.cloud.tencent to an alarm flow.</p>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            Create your first rule
          </button>
        </div>
      ) : null}
      {rules && rules.length > 0 ? (
        <table className="flow-table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Bus</th>
              <th scope="col">Targets</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
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
                    <span className="status-pill status-invalid">Invalid</span>
                  ) : rule.enabled ? (
                    <span className="status-pill status-published">Enabled</span>
                  ) : (
                    <span className="status-pill">Disabled</span>
                  )}
                </td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="button button-small button-danger" aria-label={`Delete rule ${rule.id}`} onClick={() => setDeleting(rule)}>
                      Delete
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
          placeholder="e.g. CVM alarms"
          taken={new Set((rules ?? []).map((rule) => rule.id))}
          onCreate={onCreate}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete rule ${deleting.name ?? deleting.id}?`}
          confirmLabel="Delete rule"
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await deleteRule(deleting.id);
            setDeleting(undefined);
            load();
          }}
        >
          <p>
            This deletes <code>{deleting.file ?? `${deleting.id}.rule.json`}</code>; its events stop being routed.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
