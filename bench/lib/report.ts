/**
 * Benchmark results: every figure next to its anchor measured in the same run, the ratio and the
 * target, printed as a table and kept as JSON in .run/bench/<benchmark>.json for `npm run bench`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Row {
  benchmark: string;
  /** What was measured, e.g. "warm 200s, personal feed (200 events)". */
  figure: string;
  value: number;
  unit: string;
  /** What it is compared with, measured in the same run; '' for a figure with an absolute target. */
  anchor: string;
  /** The anchor's figure (same unit); NaN when there is no anchor. */
  anchorValue: number;
  /** value / anchorValue; NaN when there is no anchor. */
  ratio: number;
  /** The target as people read it, e.g. ">= 0.5x nginx" or "<= 100 ms". */
  target: string;
  met: boolean;
}

export const RESULTS_DIRECTORY = join(__dirname, '..', '..', '.run', 'bench');

/** A row comparing a figure with its anchor; `atLeast`/`atMost` is the ratio the target asks for. */
export function compared(input: {
  benchmark: string;
  figure: string;
  value: number;
  unit: string;
  anchor: string;
  anchorValue: number;
  target: { atLeast: number } | { atMost: number };
}): Row {
  const ratio = input.value / input.anchorValue;
  const [target, met] =
    'atLeast' in input.target
      ? [`>= ${input.target.atLeast}x`, ratio >= input.target.atLeast]
      : [`<= ${input.target.atMost}x`, ratio <= input.target.atMost];
  return { ...input, ratio, target, met };
}

/** A row with an absolute target and no anchor, e.g. a p99 latency. */
export function absolute(input: {
  benchmark: string;
  figure: string;
  value: number;
  unit: string;
  target: { atLeast: number } | { atMost: number };
}): Row {
  const [target, met] =
    'atLeast' in input.target
      ? [`>= ${input.target.atLeast} ${input.unit}`, input.value >= input.target.atLeast]
      : [`<= ${input.target.atMost} ${input.unit}`, input.value <= input.target.atMost];
  return { ...input, anchor: '', anchorValue: Number.NaN, ratio: Number.NaN, target, met };
}

/** A figure printed for comparison only: no target, never missed. */
export function informational(input: {
  benchmark: string;
  figure: string;
  value: number;
  unit: string;
  anchor?: string;
  anchorValue?: number;
}): Row {
  const anchorValue = input.anchorValue ?? Number.NaN;
  return {
    ...input,
    anchor: input.anchor ?? '',
    anchorValue,
    ratio: input.value / anchorValue,
    target: '',
    met: true,
  };
}

/** Prints the rows and writes them to .run/bench/<benchmark>.json (NaN is stored as null). */
export function recordResults(benchmark: string, rows: Row[]): void {
  console.log(`\n${formatTable(rows)}`);
  mkdirSync(RESULTS_DIRECTORY, { recursive: true });
  writeFileSync(join(RESULTS_DIRECTORY, `${benchmark}.json`), `${JSON.stringify(rows, null, 2)}\n`);
}

export function formatTable(rows: Row[]): string {
  const header = ['benchmark', 'figure', 'value', 'anchor', 'anchor value', 'ratio', 'target', 'result'];
  const cells = rows.map((row) => [
    row.benchmark,
    row.figure,
    `${formatNumber(row.value)} ${row.unit}`,
    row.anchor || '-',
    Number.isFinite(row.anchorValue) ? `${formatNumber(row.anchorValue)} ${row.unit}` : '-',
    Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}x` : '-',
    row.target || '-',
    row.target ? (row.met ? 'MET' : 'MISSED') : 'info',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((cell) => cell[column].length)),
  );
  const line = (values: string[]) => values.map((value, column) => value.padEnd(widths[column])).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...cells.map(line)].join('\n');
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
