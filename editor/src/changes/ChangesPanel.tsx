/**
 * @module The "Changes" view: the draft compared with the flow's last commit, step by step, with the old and
 * new value of every changed field; clicking a change selects its step on the canvas.
 */
import { Spinner } from '../ui/Spinner.js';
import { DiffEntryList } from './DiffEntryList.js';
import type { FlowChangesState } from './use-flow-changes.js';

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
      <DiffEntryList entries={result.changes} onSelectStep={onSelectStep} />
    </section>
  );
}
