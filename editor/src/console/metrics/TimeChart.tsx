/**
 * @module A per-minute line chart of the last hour, drawn by uPlot: one line per series, time on the x axis,
 * the legend in the UI language; it fills its container's width and follows it.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  color: string;
  /** Dots on each value: for series with gaps (minutes without executions), where a lone value has no line. */
  dots?: boolean;
}

export interface TimeChartProps {
  title: string;
  /** Start of each minute, ms since the epoch. */
  minutes: number[];
  series: ChartSeries[];
  height?: number;
}

function chartData(minutes: number[], series: ChartSeries[]): uPlot.AlignedData {
  return [minutes.map((time) => time / 1000), ...series.map((line) => line.values)];
}

export function TimeChart({ title, minutes, series, height = 200 }: TimeChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot>(undefined);
  const labels = series.map((line) => `${line.label}:${line.color}:${line.dots ?? false}`).join('|');
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 240),
      height,
      series: [
        {},
        ...series.map((line) => ({ label: line.label, stroke: line.color, width: 2, points: { show: line.dots ?? false, size: 5, fill: line.color } })),
      ],
      // The page lists each line with its colour and total; uPlot's own legend would repeat it.
      legend: { show: false },
      axes: [{}, { size: 48 }],
      scales: { y: { range: (_plot, min, max) => [Math.min(0, min), Math.max(1, max)] } },
    };
    const plot = new uPlot(options, chartData(minutes, series), element);
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 240), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = undefined;
    };
    // A new chart only when the lines themselves change; new values go through setData below.
  }, [labels, height]);
  useEffect(() => {
    chart.current?.setData(chartData(minutes, series));
  }, [minutes, series]);
  return (
    <figure className="time-chart">
      <figcaption>{title}</figcaption>
      <div ref={container} role="img" aria-label={title} />
    </figure>
  );
}
