/**
 * `npm run bench`: every benchmark, one after another, each in a process of its own (its own
 * npm script), then one table with every figure, its anchor, the ratio, the target and whether
 * it was met. Exits non-zero when a benchmark crashed; a missed target is reported, not a crash.
 *
 *   npm run bench
 *   BENCH_ONLY=api,feeds npm run bench
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from './lib/build';
import { formatTable, RESULTS_DIRECTORY, Row } from './lib/report';

const BENCHMARKS = [
  { name: 'feeds', file: 'bench/feeds.ts' },
  { name: 'mail', file: 'bench/mail.ts' },
  { name: 'api', file: 'bench/api-list.ts' },
  { name: 'reminders', file: 'bench/reminders.ts' },
  { name: 'search', file: 'bench/search.ts' },
];

interface Outcome {
  name: string;
  crashed: string | null;
  rows: Row[];
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  const chosen = BENCHMARKS.filter(
    (benchmark) => existsSync(join(ROOT, benchmark.file)) && (!only || only.includes(benchmark.name)),
  );
  ensureBuilt();
  rmSync(RESULTS_DIRECTORY, { recursive: true, force: true });
  const outcomes: Outcome[] = [];
  for (const benchmark of chosen) {
    console.log(`\n=== npm run bench:${benchmark.name} ===`);
    const startedAt = Date.now();
    const code = await runScript(`bench:${benchmark.name}`);
    const rows = resultsSince(startedAt);
    const crashed = code !== 0 ? `exited with ${code}` : rows.length === 0 ? 'recorded no results' : null;
    outcomes.push({ name: benchmark.name, crashed, rows });
  }

  const rows = outcomes.flatMap((outcome) => outcome.rows);
  console.log(`\n=== All benchmarks ===\n${formatTable(rows)}`);
  const missed = rows.filter((row) => row.target && !row.met);
  const crashed = outcomes.filter((outcome) => outcome.crashed);
  console.log(
    `\n${rows.filter((row) => row.target).length - missed.length} targets met, ${missed.length} missed` +
      (missed.length ? `: ${missed.map((row) => `${row.benchmark} / ${row.figure}`).join('; ')}` : ''),
  );
  for (const outcome of crashed) console.log(`CRASHED: bench:${outcome.name} ${outcome.crashed}`);
  if (crashed.length > 0) process.exitCode = 1;
}

function runScript(script: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
    child.once('error', () => resolve(-1));
    child.once('close', (code) => resolve(code));
  });
}

/** The rows of the result files written since `since` (a benchmark may write several). */
function resultsSince(since: number): Row[] {
  if (!existsSync(RESULTS_DIRECTORY)) return [];
  return readdirSync(RESULTS_DIRECTORY)
    .filter((file) => file.endsWith('.json'))
    .map((file) => join(RESULTS_DIRECTORY, file))
    .filter((file) => statSync(file).mtimeMs >= since)
    .flatMap((file) =>
      (JSON.parse(readFileSync(file, 'utf8')) as Row[]).map((row) => ({
        ...row,
        anchorValue: row.anchorValue ?? Number.NaN,
        ratio: row.ratio ?? Number.NaN,
      })),
    );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
