import { EntityManager, In } from 'typeorm';
import { Person } from './person.entity';

/**
 * Reads and locks of people for other libs, inside their own transactions: planning owns the
 * people table, so they ask here instead of naming it in their SQL.
 */

/** A person as notices to other systems show them: never contact data. */
export type PersonName = Pick<Person, 'id' | 'name' | 'organisationId'>;

/** One person, optionally holding a row lock until the caller's transaction ends. */
export function findPerson(manager: EntityManager, id: string, lock = false): Promise<Person | null> {
  return manager.findOne(Person, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
}

/** People by id, with their contact data: for callers that decide through PeopleVisibility what to show. */
export async function peopleByIds(manager: EntityManager, ids: string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const people = await manager.findBy(Person, { id: In([...new Set(ids)]) });
  return new Map(people.map((person) => [person.id, person]));
}

/** Names and organisations of people by id, without contact data. */
export function personNames(manager: EntityManager, ids: string[]): Promise<PersonName[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.find(Person, {
    select: { id: true, name: true, organisationId: true },
    where: { id: In([...new Set(ids)]) },
  });
}

/**
 * Distinct ids of the people named directly, as members of organisations, or as members of a
 * partnership's organisations, in id order: one statement, whatever the number of people.
 */
export async function peopleNamedBy(
  manager: EntityManager,
  named: { personIds: string[]; organisationIds: string[]; partnershipIds: string[] },
): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT p.id FROM people p
      WHERE p.id = ANY($1::uuid[])
         OR p.organisation_id = ANY($2::uuid[])
         OR p.organisation_id IN (SELECT organisation_id FROM partnership_members
                                   WHERE partnership_id = ANY($3::uuid[]))
      ORDER BY p.id`,
    [named.personIds, named.organisationIds, named.partnershipIds],
  );
  return rows.map((row) => row.id);
}

/** Who signs up for a public event: the person with that address, or a new one. */
export interface SigningUpPerson {
  name: string;
  email: string;
  organisationId: string;
  department: string | null;
  locale: Person['locale'];
  timeZone: string;
}

/**
 * The person with this address (in any capitals), else a new one, in the caller's transaction:
 * for open sign-up, where a confirmed address is all the proof there is. An existing person keeps
 * their data; a concurrent sign-up with the same address waits for the first and finds it.
 */
export async function findOrAddPerson(
  manager: EntityManager,
  input: SigningUpPerson,
): Promise<{ person: Person; created: boolean }> {
  const inserted: Array<{ id: string }> = await manager.query(
    `INSERT INTO people (name, email, organisation_id, department, locale, time_zone)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (email) DO NOTHING
     RETURNING id`,
    [input.name, input.email, input.organisationId, input.department, input.locale, input.timeZone],
  );
  const person = inserted.length
    ? await manager.findOneBy(Person, { id: inserted[0].id })
    : await manager.findOneBy(Person, { email: input.email });
  if (!person) throw new Error(`No person with the signed-up address after inserting it`);
  return { person, created: inserted.length > 0 };
}
