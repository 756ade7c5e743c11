import { EntityManager } from 'typeorm';
import { Organisation } from './organisation.entity';

/**
 * Reads and locks of organisations and partnerships for other libs, inside their own
 * transactions: planning owns these tables, so they ask here instead of naming them in their SQL.
 */

/** One organisation, optionally holding a row lock until the caller's transaction ends. */
export function findOrganisation(
  manager: EntityManager,
  id: string,
  lock = false,
): Promise<Organisation | null> {
  return manager.findOne(Organisation, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
}

/** The organisation with this code, or a new one made of `values` when none has it. */
export async function organisationWithCode(
  manager: EntityManager,
  values: Pick<Organisation, 'name' | 'code' | 'country' | 'timeZone' | 'defaultLocale'>,
): Promise<Organisation> {
  return (
    (await manager.findOneBy(Organisation, { code: values.code })) ??
    (await manager.save(manager.create(Organisation, values)))
  );
}

/** Of these ids, those of no organisation. */
export function unknownOrganisationIds(manager: EntityManager, ids: string[]): Promise<string[]> {
  return unknownIds(manager, `SELECT id FROM organisations WHERE id = ANY($1::uuid[])`, ids);
}

/** Of these ids, those of no partnership. */
export function unknownPartnershipIds(manager: EntityManager, ids: string[]): Promise<string[]> {
  return unknownIds(manager, `SELECT id FROM partnerships WHERE id = ANY($1::uuid[])`, ids);
}

async function unknownIds(manager: EntityManager, sql: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows: Array<{ id: string }> = await manager.query(sql, [ids]);
  const found = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !found.has(id));
}
