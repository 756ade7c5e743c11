import { EntityManager } from 'typeorm';
import { SeedResult, seedRows } from '@app/database';
import { Organisation } from './organisation.entity';
import { normaliseOrganisation, OrganisationInput } from './organisations.service';

/** An organisation of seed data (the demo programme) with the stable id it is kept under. */
export interface OrganisationSeed extends OrganisationInput {
  id: string;
}

/**
 * Writes seed organisations in the caller's transaction. Seed data is nobody's action, so it
 * leaves no audit entry. An organisation that already has the code is adopted, such as the
 * operator's that the first admin key created.
 */
export function seedOrganisations(manager: EntityManager, seeds: OrganisationSeed[]): Promise<SeedResult[]> {
  return seedRows(
    manager,
    Organisation,
    seeds.map(({ id, ...input }) => {
      const values = normaliseOrganisation(input);
      return { id, values, naturalKey: { code: values.code } };
    }),
  );
}
