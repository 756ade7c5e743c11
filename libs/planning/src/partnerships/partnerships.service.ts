import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUniqueViolation, postgresErrorCode, PG_FOREIGN_KEY_VIOLATION } from '@app/database';
import { Organisation } from '../organisations/organisation.entity';
import { Actor } from '../shared/actor';
import { Page, PageRequest, paginate } from '../shared/pagination';
import { assertActsFor, assertMayWrite } from '../shared/permissions';
import { PlanningError } from '../shared/planning.error';
import { likePattern } from '../shared/text-search';
import { Partnership } from './partnership.entity';

export interface PartnershipInput {
  name: string;
  description?: string;
  memberOrganisationIds: string[];
}

export interface PartnershipFilter extends PageRequest {
  q?: string;
  organisationId?: string;
}

@Injectable()
export class PartnershipsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(actor: Actor, input: PartnershipInput): Promise<Partnership> {
    assertActsFor(actor, input.memberOrganisationIds, 'create a partnership it is not a member of');
    return this.dataSource.transaction(async (manager) => {
      const partnership = manager.create(Partnership, {
        name: input.name.trim(),
        description: input.description ?? '',
        members: await loadMembers(manager, input.memberOrganisationIds),
      });
      const saved = await saveUnique(manager, partnership);
      return this.getWith(manager, saved.id);
    });
  }

  async get(id: string): Promise<Partnership> {
    return this.getWith(this.dataSource.manager, id);
  }

  async list(filter: PartnershipFilter): Promise<Page<Partnership>> {
    const query = this.dataSource.getRepository(Partnership).createQueryBuilder('partnership');
    if (filter.q) {
      query.andWhere('(partnership.name ILIKE :q OR partnership.description ILIKE :q)', {
        q: likePattern(filter.q),
      });
    }
    if (filter.organisationId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM partnership_members m WHERE m.partnership_id = partnership.id AND m.organisation_id = :organisationId)',
        { organisationId: filter.organisationId },
      );
    }
    return paginate(query, 'name', (partnership) => partnership.name, filter);
  }

  async update(actor: Actor, id: string, changes: Partial<PartnershipInput>): Promise<Partnership> {
    return this.dataSource.transaction(async (manager) => {
      const partnership = await this.getWith(manager, id);
      assertActsFor(actor, partnership.memberIds, 'change a partnership it is not a member of');
      if (changes.name !== undefined) partnership.name = changes.name.trim();
      if (changes.description !== undefined) partnership.description = changes.description;
      if (changes.memberOrganisationIds !== undefined) {
        assertActsFor(actor, changes.memberOrganisationIds, 'leave itself out of a partnership it manages');
        partnership.members = await loadMembers(manager, changes.memberOrganisationIds);
      }
      await saveUnique(manager, partnership);
      return this.getWith(manager, id);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const partnership = await this.get(id);
    assertMayWrite(actor);
    assertActsFor(actor, partnership.memberIds, 'delete a partnership it is not a member of');
    try {
      await this.dataSource.getRepository(Partnership).delete({ id });
    } catch (error) {
      if (postgresErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) {
        throw PlanningError.conflict('partnership_in_use', 'Events still belong to this partnership.');
      }
      throw error;
    }
  }

  private async getWith(manager: EntityManager, id: string): Promise<Partnership> {
    const partnership = await manager.findOne(Partnership, { where: { id }, relations: { members: true } });
    if (!partnership) throw PlanningError.notFound('partnership', id);
    return partnership;
  }
}

async function loadMembers(manager: EntityManager, ids: string[]): Promise<Organisation[]> {
  const unique = [...new Set(ids)];
  const members = await manager.findBy(Organisation, { id: In(unique) });
  const missing = unique.filter((id) => !members.some((member) => member.id === id));
  if (missing.length > 0) {
    throw PlanningError.invalid('memberOrganisationIds', `Unknown organisation(s): ${missing.join(', ')}.`);
  }
  return members;
}

async function saveUnique(manager: EntityManager, partnership: Partnership): Promise<Partnership> {
  try {
    return await manager.save(partnership);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw PlanningError.conflict(
        'partnership_name_taken',
        `A partnership named "${partnership.name}" exists.`,
      );
    }
    throw error;
  }
}
