/**
 * @module The Metrics page: the last hour per minute from the server's own metrics — events accepted and
 * matched, deliveries, retries and dead letters, executions and their duration percentiles — refreshed
 * every 15 seconds.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/i18n.js';
import { getMetricsHistory, type MetricsHistory } from '../../api/console.js';
import { PageTop } from '../../app/AppNav.js';
import { Banner } from '../../ui/Banner.js';
import { Spinner } from '../../ui/Spinner.js';
import { TimeChart, type ChartSeries } from './TimeChart.js';

const REFRESH_MS = 15_000;

function total(values: Array<number | null>): number {
  return values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

export function MetricsPage() {
  const { t } = useTranslation();
  const [history, setHistory] = useState<MetricsHistory>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      getMetricsHistory(controller.signal).then(
        (next) => {
          setHistory(next);
          setError(undefined);
        },
        (thrown: Error) => thrown.name !== 'AbortError' && setError(thrown.message),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, []);
  const charts = useMemo(() => {
    if (!history) return [];
    const { series, latency } = history;
    const line = (label: string, values: Array<number | null>, color: string, dots = false): ChartSeries => ({ label, values, color, dots });
    return [
      { id: 'events', lines: [line(t('metrics.ingest'), series.ingest, '#2563eb'), line(t('metrics.matches'), series.matches, '#0d9488')] },
      {
        id: 'deliveries',
        lines: [
          line(t('metrics.delivered'), series.deliveries, '#16a34a'),
          line(t('metrics.retries'), series.retries, '#d97706'),
          line(t('metrics.deadLetters'), series.deadLetters, '#dc2626'),
        ],
      },
      { id: 'executions', lines: [line(t('metrics.executionsSeries'), series.executions, '#7c3aed')] },
      {
        id: 'latency',
        lines: [line('p50', latency.p50, '#0891b2', true), line('p95', latency.p95, '#d97706', true), line('p99', latency.p99, '#dc2626', true)],
      },
    ];
  }, [history, t]);
  return (
    <div className="list-page console-page">
      <PageTop section="metrics" title={t('metrics.title')} intro={t('metrics.intro')} />
      {error ? <Banner tone="error">{error}</Banner> : null}
      {!history && !error ? <Spinner label={t('metrics.loading')} /> : null}
      {history ? (
        <div className="chart-grid">
          {charts.map((chart) => (
            <section key={chart.id} className="panel-section chart-card" data-chart={chart.id}>
              <TimeChart title={t(`metrics.${chart.id}`)} minutes={history.minutes} series={chart.lines} />
              <ul className="chart-totals">
                {chart.lines.map((line) => (
                  <li key={line.label} data-series={line.label}>
                    <span className="chart-swatch" style={{ background: line.color }} />{' '}
                    {chart.id === 'latency' ? line.label : t('metrics.inHour', { series: line.label, count: total(line.values) })}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </div>
  );
}
