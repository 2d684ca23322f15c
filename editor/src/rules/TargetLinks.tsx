/**
 * @module A rule's targets as links: a flow target opens its flow in the editor, a log-store target the
 * log store's events of the rule, any other target the recent events of the rule with what it did.
 */
import type { RuleSummary } from '../api/rules.js';
import { eventQueryHref } from '../console/events/event-query.js';
import { flowHref } from '../app/use-hash-route.js';
import { useTranslation } from '../i18n/i18n.js';

function targetHref(rule: string, target: RuleSummary['targets'][number]): string {
  if (target.type === 'flow' && target.flow) return flowHref(target.flow);
  const where = target.type === 'log-store' ? 'log-store' : 'recent';
  return eventQueryHref({ where, filters: { rule }, offset: 0 });
}

export function TargetLinks({ rule }: { rule: RuleSummary }) {
  const { t } = useTranslation();
  if (rule.targets.length === 0) return <span className="muted">{t('rules.noTargets')}</span>;
  return (
    <span className="target-links">
      {rule.targets.map((target) => (
        <a key={target.id} href={targetHref(rule.id, target)} data-target={target.id}>
          <span className="muted">{target.type}</span> {target.type === 'flow' && target.flow ? target.flow : target.id}
        </a>
      ))}
    </span>
  );
}
