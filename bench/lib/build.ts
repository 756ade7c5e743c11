/**
 * Benchmarks run the API and the worker from dist/, as production does; this rebuilds dist/ when
 * a source file is newer than the built entry points.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const ENTRY_POINTS = ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js'];
const SOURCES = ['apps', 'libs', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

export function ensureBuilt(): void {
  if (process.env.BENCH_NO_BUILD === '1') return;
  const built = ENTRY_POINTS.map((entry) => join(ROOT, entry));
  const oldestBuild = Math.min(
    ...built.map((entry) => (existsSync(entry) ? statSync(entry).mtimeMs : Number.NEGATIVE_INFINITY)),
  );
  const newestSource = Math.max(...SOURCES.map((source) => newestModification(join(ROOT, source))));
  if (newestSource <= oldestBuild) return;
  console.log('dist/ is older than the sources: npm run build');
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.status ?? result.signal})`);
}

function newestModification(path: string): number {
  if (!existsSync(path)) return Number.NEGATIVE_INFINITY;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = Number.NEGATIVE_INFINITY;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    if (entry.isFile() && (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts'))) continue;
    newest = Math.max(newest, newestModification(join(path, entry.name)));
  }
  return newest;
}
