/**
 * @module A flow's status in words: published, draft (unpublished), invalid, outdated.
 */
import { useTranslation } from '../i18n/i18n.js';
import type { FlowStatus } from '../api/types.js';

const KNOWN: readonly FlowStatus[] = ['published', 'unpublished', 'invalid', 'outdated'];

export function StatusPill({ status }: { status: FlowStatus }) {
  const { t } = useTranslation();
  const known = KNOWN.includes(status);
  return (
    <span className={`status-pill status-${status}`} title={known ? t(`flowStatus.${status}Title`) : status} data-status={status}>
      {known ? t(`flowStatus.${status}`) : status}
    </span>
  );
}
