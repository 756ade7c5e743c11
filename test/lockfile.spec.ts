import { readFileSync } from 'node:fs';
import path from 'node:path';

interface LockedPackage {
  optionalDependencies?: Record<string, string>;
}

const lockfile = JSON.parse(readFileSync(path.join(__dirname, '..', 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

/** Where Node would find `name` from the package at `location`: its own node_modules, then each parent's. */
function resolvedFrom(location: string, name: string): string | undefined {
  for (let from = location; ; from = from.slice(0, Math.max(0, from.lastIndexOf('/node_modules/')))) {
    const candidate = `${from ? `${from}/` : ''}node_modules/${name}`;
    if (lockfile.packages[candidate]) return candidate;
    if (!from) return undefined;
  }
}

/**
 * A lockfile written anew on one machine has lost the other platforms' builds before (the
 * @msgpackr-extract/* packages BullMQ's msgpackr loads): `npm ci` then installs none on those
 * platforms, silently. Every optional dependency must be listed, whichever platform it is for.
 */
describe('package-lock.json', () => {
  it('should list every optional dependency of every package, for every platform', () => {
    const missing = Object.entries(lockfile.packages).flatMap(([location, locked]) =>
      Object.keys(locked.optionalDependencies ?? {})
        .filter((name) => !resolvedFrom(location, name))
        .map((name) => `${name}, optional for ${location || 'the project'}`),
    );
    expect(missing).toEqual([]);
  });
});
