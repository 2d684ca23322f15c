/**
 * @module What a step did in the run shown: a strip with status, duration and error at the top of its
 * panel, and the messages in and out (and what a stubbed step would have sent) further down.
 */
import type { StoredExecution } from '../api/types.js';
import type { NodeRun } from '../editor/editor-context.js';
import { JsonView } from '../ui/JsonView.js';
import { formatDuration, STATUS_LABELS, stepInput } from './trace.js';

export function RunStrip({ run }: { run: NodeRun | undefined }) {
  if (run === undefined) return null;
  if (run === 'not-run') {
    return (
      <p className="run-strip run-not-run" data-status="not-run">
        Last run: this step did not run.
      </p>
    );
  }
  return (
    <div className={`run-strip run-${run.status}`} data-status={run.status} role="group" aria-label="Last run result">
      <p>
        Last run: <strong>{STATUS_LABELS[run.status]}</strong> in {formatDuration(run.durationMs)}
        {run.runs > 1 ? ` (${run.runs} runs, the last one shown)` : ''}
      </p>
      {run.error ? (
        <p className="run-strip-error">
          <code>{run.error.type}</code> {run.error.message}
        </p>
      ) : null}
    </div>
  );
}

export function StepRunData({ record, stepId, run }: { record: StoredExecution; stepId: string; run: NodeRun | undefined }) {
  if (run === undefined || run === 'not-run' || !run.last) return null;
  const trace = run.last;
  const input = stepInput(record, stepId);
  return (
    <section className="panel-section run-details" aria-label="Last run">
      <h3>Last run</h3>
      {input ? (
        <>
          <h4>Input</h4>
          <JsonView value={input} label="Step input" />
        </>
      ) : null}
      {trace.config ? (
        <>
          <h4>Would have sent (not executed in a test run)</h4>
          <JsonView value={trace.config} label="Step config sent" />
        </>
      ) : null}
      {trace.output !== undefined ? (
        <>
          <h4>Output</h4>
          <JsonView value={trace.output} label="Step output" />
        </>
      ) : null}
    </section>
  );
}
