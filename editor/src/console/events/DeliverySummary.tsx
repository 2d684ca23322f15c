/**
 * @module What happened at an event's targets, in one line of status pills: "delivered: 2", "dead-lettered: 1".
 */
import { useTranslation } from '../../i18n/i18n.js';
import type { TargetStatus, TargetTrace } from '../../api/console.js';

export function TargetStatusPill({ status }: { status: TargetStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-pill target-${status}`} data-status={status}>
      {t(`targetStatus.${status}`)}
    </span>
  );
}

export function DeliverySummary({ targets }: { targets: TargetTrace[] }) {
  const { t } = useTranslation();
  if (targets.length === 0) return <span className="muted">{t('events.noTargets')}</span>;
  const counts = new Map<TargetStatus, number>();
  for (const target of targets) counts.set(target.status, (counts.get(target.status) ?? 0) + 1);
  return (
    <span className="delivery-summary">
      {[...counts].map(([status, count]) => (
        <span key={status} className={`status-pill target-${status}`} data-status={status}>
          {t('events.statusCount', { status: t(`targetStatus.${status}`), count })}
        </span>
      ))}
    </span>
  );
}
