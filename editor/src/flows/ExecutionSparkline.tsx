/**
 * @module A flow's executions per minute over the last hour, as a small line, with the hour's total.
 */
import { useTranslation } from '../i18n/i18n.js';

const WIDTH = 96;
const HEIGHT = 22;

export function ExecutionSparkline({ perMinute }: { perMinute?: number[] }) {
  const { t } = useTranslation();
  const values = perMinute ?? [];
  const total = values.reduce((sum, value) => sum + value, 0);
  const peak = Math.max(1, ...values);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : WIDTH;
  const points = values.map((value, index) => `${(index * step).toFixed(1)},${(HEIGHT - 1 - (value / peak) * (HEIGHT - 2)).toFixed(1)}`);
  const title = t('flows.sparklineTitle', { count: values.at(-1) ?? 0 });
  return (
    <span className="sparkline" data-total={total}>
      {values.length > 1 ? (
        <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
          <title>{title}</title>
          <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      ) : null}
      <span className="sparkline-total">{t('flows.executionsInHour', { count: total })}</span>
    </span>
  );
}
