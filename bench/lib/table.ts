// Plain-text table printing: the bench output is read in terminals and pasted into issues, so
// fixed-width columns with the numbers right-aligned, no colours, no dependencies.

export type Row = { section: string; metric: string; value: string; note?: string };

export const fmt = {
  ms: (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : 'n/a'),
  rate: (x: number, unit: string) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en-US')} ${unit}` : 'n/a'),
  count: (x: number) => x.toLocaleString('en-US'),
  ratio: (x: number) => (Number.isFinite(x) ? `${x.toFixed(3)}×` : 'n/a'),
};

export function printTable(rows: Row[], out: (line: string) => void = console.log) {
  const widths = {
    section: Math.max(7, ...rows.map((r) => r.section.length)),
    metric: Math.max(6, ...rows.map((r) => r.metric.length)),
    value: Math.max(5, ...rows.map((r) => r.value.length)),
  };
  const line = (s: string, m: string, v: string, n = '') =>
    `${s.padEnd(widths.section)}  ${m.padEnd(widths.metric)}  ${v.padStart(widths.value)}  ${n}`.trimEnd();
  out(line('section', 'metric', 'value', 'note'));
  out(line('-'.repeat(widths.section), '-'.repeat(widths.metric), '-'.repeat(widths.value), '----'));
  let last = '';
  for (const r of rows) {
    out(line(r.section === last ? '' : r.section, r.metric, r.value, r.note));
    last = r.section;
  }
}
