import { EntityManager } from 'typeorm';
import { SeedResult, seedRows } from '@app/database';
import { Partnership } from './partnership.entity';
import { assertLeadIsMember } from './partnerships.service';

/** A partnership of seed data with the stable id it is kept under. */
export interface PartnershipSeed {
  id: string;
  name: string;
  description: string;
  memberOrganisationIds: string[];
  leadOrganisationId: string;
}

/**
 * Writes seed partnerships and their members in the caller's transaction, without audit entries.
 * A partnership that already has the name is adopted.
 */
export function seedPartnerships(manager: EntityManager, seeds: PartnershipSeed[]): Promise<SeedResult[]> {
  for (const seed of seeds) assertLeadIsMember(seed.leadOrganisationId, seed.memberOrganisationIds);
  return seedRows(
    manager,
    Partnership,
    seeds.map((seed) => {
      const name = seed.name.trim();
      return {
        id: seed.id,
        values: {
          name,
          description: seed.description,
          members: seed.memberOrganisationIds.map((id) => ({ id })),
          leadOrganisationId: seed.leadOrganisationId,
        },
        naturalKey: { name },
      };
    }),
    { relations: { members: true } },
  );
}
