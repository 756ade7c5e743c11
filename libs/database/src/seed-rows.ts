import {
  DeepPartial,
  EntityManager,
  EntityTarget,
  FindOptionsRelations,
  FindOptionsWhere,
  In,
  ObjectLiteral,
} from 'typeorm';

/** What loading a seed row did to its table. */
export type SeedOutcome = 'created' | 'updated' | 'unchanged';

/** A row as seed data wants it: a stable id, the values it must hold, and how a row made by hand is recognised. */
export interface SeedRow<T> {
  id: string;
  values: DeepPartial<T>;
  /**
   * A row with these values is adopted when none has the id, so that a row someone created by hand
   * (an organisation with the same code, a person with the same email) is not duplicated.
   */
  naturalKey?: FindOptionsWhere<T>;
}

/** What became of one seed row: the id of the row that holds it (an adopted row keeps its own). */
export interface SeedResult {
  id: string;
  outcome: SeedOutcome;
}

export interface SeedOptions<T> {
  /** Relations among the values (many-to-many members, co-hosts), loaded to compare them. */
  relations?: FindOptionsRelations<T>;
  /** Runs on each row an update changes, before it is saved: e.g. to raise a version a client watches. */
  beforeUpdate?: (row: T, changed: string[]) => void;
}

/** Rows per statement: PostgreSQL takes at most 65,535 parameters in one. */
const CHUNK = 500;

/**
 * Writes seed data into a table of the calling lib: each row is found by its id, else by its
 * natural key, and written only where it differs, so that loading the same data again changes
 * nothing. Reads and writes go in chunks of rows rather than one statement per row, because seed
 * data may be large. Rows to create are inserted in the given order, parents before their parts.
 * Returns one result per seed row, in that order.
 */
export async function seedRows<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  seeds: Array<SeedRow<T>>,
  options: SeedOptions<T> = {},
): Promise<SeedResult[]> {
  const { relations, beforeUpdate } = options;
  // One statement per chunk, one after the other: they share the caller's transaction and connection.
  const find = async (queries: Array<FindOptionsWhere<T> | Array<FindOptionsWhere<T>>>): Promise<T[]> => {
    const rows: T[] = [];
    for (const where of queries) rows.push(...(await manager.find(target, { where, relations })));
    return rows;
  };
  const ids = chunks(seeds).map((part) => ({ id: In(part.map((seed) => seed.id)) }) as FindOptionsWhere<T>);
  const byId = new Map((await find(ids)).map((row) => [row.id, row]));
  const adoptable = seeds.flatMap((seed) => (!byId.has(seed.id) && seed.naturalKey ? [seed.naturalKey] : []));
  const byNaturalKey = await find(chunks(adoptable));
  const metadata = manager.connection.getMetadata(target);
  // The natural key compares as its column does: an email in a citext column in any case.
  const matches = (row: T, key: FindOptionsWhere<T>): boolean =>
    Object.entries(key).every(([field, value]) => {
      const current: unknown = row[field];
      if (metadata.findColumnWithPropertyName(field)?.type !== 'citext') return sameValue(current, value);
      return typeof current === 'string' && typeof value === 'string'
        ? current.toLowerCase() === value.toLowerCase()
        : sameValue(current, value);
    });

  const written: T[] = [];
  const results = seeds.map((seed): SeedResult => {
    const existing =
      byId.get(seed.id) ?? byNaturalKey.find((row) => seed.naturalKey && matches(row, seed.naturalKey));
    if (!existing) {
      written.push(manager.create(target, { ...seed.values, id: seed.id } as DeepPartial<T>));
      return { id: seed.id, outcome: 'created' };
    }
    const current = existing as Record<string, unknown>;
    const changed = Object.entries(seed.values as Record<string, unknown>)
      .filter(([field, value]) => !sameValue(current[field], value))
      .map(([field]) => field);
    if (changed.length === 0) return { id: existing.id, outcome: 'unchanged' };
    Object.assign(existing, seed.values);
    beforeUpdate?.(existing, changed);
    written.push(existing);
    return { id: existing.id, outcome: 'updated' };
  });
  if (written.length > 0) await manager.save(target, written, { chunk: CHUNK });
  return results;
}

function chunks<T>(items: T[]): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) parts.push(items.slice(start, start + CHUNK));
  return parts;
}

/** Dates by instant, relation lists by the ids they hold, in any order, and JSON objects by content. */
function sameValue(current: unknown, next: unknown): boolean {
  if (current instanceof Date && next instanceof Date) return current.getTime() === next.getTime();
  if (isPlainObject(current) && isPlainObject(next)) return canonical(current) === canonical(next);
  if (Array.isArray(current) && Array.isArray(next)) {
    const identities = (values: unknown[]) =>
      values
        .map((value) =>
          value !== null && typeof value === 'object' && 'id' in value ? String(value.id) : String(value),
        )
        .sort()
        .join('\u0000');
    return current.length === next.length && identities(current) === identities(next);
  }
  return current === next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** JSON with keys in sorted order: PostgreSQL returns jsonb's keys in an order of its own. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
