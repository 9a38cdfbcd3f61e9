'use client';

// DORA figures over time (recharts). Every chart shares one time axis over the chosen window, and
// each train's departure is marked on it as a dashed line labelled with the train number. Colours
// are the theme's CSS variables, so both themes draw the same charts.
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { PipelineMetrics } from '@/engine/dto/trains';
import { formatDuration } from '@/lib/format';
import { durationUnit, leadPoints, stationBars, timeDomain, weeklyDeployments } from './metrics-model';

const AXIS = { stroke: 'var(--border-strong)', tick: { fill: 'var(--muted)', fontSize: 11 } };
const TOOLTIP = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--fg)', fontSize: 12 },
  labelStyle: { color: 'var(--muted)' },
  itemStyle: { color: 'var(--fg)' },
  cursor: { stroke: 'var(--border-strong)', fill: 'var(--surface-2)' },
};
const day = (t: number) => new Date(t).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

function Departures({ series }: { series: PipelineMetrics['series'] }) {
  return series.map((s) => (
    <ReferenceLine
      key={`dep-${s.train}`}
      x={Date.parse(s.departedAt)}
      stroke="var(--subtle)"
      strokeDasharray="3 3"
      ifOverflow="hidden"
      label={{ value: `#${s.train}`, position: 'top', fill: 'var(--muted)', fontSize: 10 }}
    />
  ));
}

function TimeAxis({ days, now }: { days: number; now: number }) {
  return <XAxis dataKey="t" type="number" scale="time" domain={timeDomain(days, now)} tickFormatter={day} {...AXIS} />;
}

export function LeadTimeChart({ metrics, now }: { metrics: PipelineMetrics; now: number }) {
  const unit = durationUnit(Math.max(0, ...metrics.series.map((s) => s.leadTimeMs ?? 0)));
  const points = leadPoints(metrics.series, unit.ms).filter((p) => p.value !== null);
  return (
    <ComposedChart responsive style={{ width: '100%', height: 240 }} data={points} margin={{ top: 20, right: 16, bottom: 0, left: 0 }}>
      <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
      {TimeAxis({ days: metrics.days, now })}
      <YAxis dataKey="value" unit={` ${unit.label}`} width={56} {...AXIS} />
      {Departures({ series: metrics.series })}
      <Tooltip
        {...TOOLTIP}
        labelFormatter={(t) => day(Number(t))}
        formatter={(v, _n, item) => [`${v} ${unit.label}`, `Train #${(item.payload as { train: number }).train} lead time`]}
      />
      <Scatter name="Lead time from ready" dataKey="value" fill="var(--accent)" line={{ stroke: 'var(--accent)', strokeWidth: 1.5 }} isAnimationActive={false}>
        {points.map((p) => (
          <Cell key={p.train} fill={p.failed ? 'var(--st-red-fg)' : 'var(--accent)'} />
        ))}
      </Scatter>
    </ComposedChart>
  );
}

export function DeploymentsChart({ metrics, now }: { metrics: PipelineMetrics; now: number }) {
  const weeks = weeklyDeployments(metrics.series, metrics.days, now);
  return (
    <BarChart responsive style={{ width: '100%', height: 200 }} data={weeks} margin={{ top: 20, right: 16, bottom: 0, left: 0 }}>
      <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
      {TimeAxis({ days: metrics.days, now })}
      <YAxis allowDecimals={false} width={56} {...AXIS} />
      {Departures({ series: metrics.series })}
      <Tooltip {...TOOLTIP} labelFormatter={(t) => `Week of ${day(Number(t) - 3.5 * 86_400_000)}`} formatter={(v) => [String(v), 'Reached production']} />
      <Bar dataKey="count" fill="var(--st-green-fg)" fillOpacity={0.75} radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={false} />
    </BarChart>
  );
}

export function StationMedianChart({ metrics, stations }: { metrics: PipelineMetrics; stations: { key: string; name: string }[] }) {
  const { unit, bars: data } = stationBars(metrics.stationMedianMs, stations);
  return (
    <BarChart responsive layout="vertical" style={{ width: '100%', height: Math.max(120, data.length * 36 + 40) }} data={data} margin={{ top: 8, right: 24, bottom: 0, left: 8 }}>
      <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" horizontal={false} />
      <XAxis type="number" unit={` ${unit.label}`} {...AXIS} />
      <YAxis type="category" dataKey="name" width={140} {...AXIS} />
      <Tooltip {...TOOLTIP} formatter={(_v, _n, item) => [formatDuration((item.payload as { ms: number | null }).ms), 'Median']} />
      <Bar dataKey="value" fill="var(--accent)" fillOpacity={0.8} radius={[0, 3, 3, 0]} maxBarSize={20} isAnimationActive={false} />
    </BarChart>
  );
}
