/**
 * @module Why an event did not match a pattern, as the bus's pattern test says it: each field that
 * failed (a JSON pointer, `/` for the whole event) with its reason.
 */
import type { PatternTestResult } from '../api/rules.js';

export function MatchFailures({ failures, className, label }: { failures: PatternTestResult['failures']; className?: string; label?: string }) {
  return (
    <ul className={className} aria-label={label}>
      {failures.map((failure, index) => (
        <li key={index}>
          <code>{failure.pointer || '/'}</code> {failure.reason}
        </li>
      ))}
    </ul>
  );
}
