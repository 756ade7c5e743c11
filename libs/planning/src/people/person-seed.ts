import { EntityManager } from 'typeorm';
import { SeedResult, seedRows } from '@app/database';
import { Person } from './person.entity';

/** A person of seed data with the stable id they are kept under. */
export type PersonSeed = Pick<
  Person,
  'id' | 'name' | 'email' | 'organisationId' | 'department' | 'locale' | 'timeZone'
>;

/**
 * Writes seed people in the caller's transaction, without audit entries. A person who already
 * has the email address (in any case) is adopted.
 */
export function seedPeople(manager: EntityManager, seeds: PersonSeed[]): Promise<SeedResult[]> {
  return seedRows(
    manager,
    Person,
    seeds.map(({ id, ...person }) => {
      const email = person.email.trim();
      return { id, values: { ...person, name: person.name.trim(), email }, naturalKey: { email } };
    }),
  );
}
