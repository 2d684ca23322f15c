/**
 * @module The "Changes" view: the draft compared with the flow's last commit, step by step, with the old and
 * new value of every changed field; clicking a change selects its step on the canvas.
 */
import type { DiffEntry } from '../api/changes.js';
import { showValue } from '../../../engine/flow-diff/values.js';
import { Spinner } from '../ui/Spinner.js';
import type { FlowChangesState } from './use-flow-changes.js';

const LABELS: Record<DiffEntry['change'], string> = { added: 'Added', removed: 'Removed', moved: 'Moved', renamed: 'Renamed', changed: 'Changed' };

function subject(entry: DiffEntry): string {
  if (entry.node === 'root') return 'Flow';
  const what = entry.node === 'trigger' ? 'Trigger' : entry.node === 'branch' ? 'Branch' : 'Step';
  return `${what} ${entry.id ?? ''}`.trim();
}

function place(entry: DiffEntry): string | undefined {
  if (entry.change === 'added' && entry.to) return `at ${entry.to.scope} #${entry.to.index + 1}`;
  if (entry.change === 'removed' && entry.from) return `from ${entry.from.scope} #${entry.from.index + 1}`;
  if (entry.change === 'moved' && entry.from && entry.to) return `from ${entry.from.scope} #${entry.from.index + 1} to ${entry.to.scope} #${entry.to.index + 1}`;
  return undefined;
}

export function ChangesPanel({ state, onSelectStep }: { state: FlowChangesState; onSelectStep: (stepId: string) => void }) {
  const { result, error, pending } = state;
  if (error) return <p className="changes-note error-text">Cannot compare with the last commit: {error}</p>;
  if (!result) return <Spinner label="Comparing with the last commit…" />;
  if (!result.git) return <p className="changes-note muted">The flows folder is not in a git work tree: there is no last commit to compare with.</p>;
  return (
    <section className="changes-panel" role="region" aria-label="Changes since the last commit">
      <h2 className="panel-title">
        Changes since the last commit {pending ? <Spinner inline label="Comparing…" /> : null}
      </h2>
      {result.status === 'added' ? <p className="changes-note">This flow is not in the last commit yet: everything is new.</p> : null}
      {result.changes.length === 0 ? <p className="changes-note muted">No changes since the last commit.</p> : null}
      <ul className="change-list">
        {result.changes.map((entry, index) => (
          <li key={index} className={`change-item change-${entry.change}`} data-step-id={entry.id}>
            <button
              type="button"
              className="change-head"
              disabled={entry.id === undefined || entry.change === 'removed'}
              onClick={() => entry.id && onSelectStep(entry.id)}
            >
              <span className={`change-kind change-kind-${entry.change}`}>{LABELS[entry.change]}</span>
              <span className="change-subject">{subject(entry)}</span>
              {entry.type ? <span className="muted"> ({entry.type})</span> : null}
              {entry.pointer && entry.change !== 'renamed' ? <code className="change-pointer">{entry.pointer}</code> : null}
            </button>
            {place(entry) ? <div className="change-place muted">{place(entry)}</div> : null}
            {entry.change === 'changed' || entry.change === 'renamed' ? (
              <dl className="change-values">
                <dt>Old</dt>
                <dd className="change-old" aria-label="Old value">{showValue(entry.before, 400)}</dd>
                <dt>New</dt>
                <dd className="change-new" aria-label="New value">{showValue(entry.after, 400)}</dd>
              </dl>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
