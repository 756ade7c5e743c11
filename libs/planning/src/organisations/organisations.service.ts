import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditTrail, FieldValues } from '@app/audit';
import { isUniqueViolation, postgresErrorCode, PG_FOREIGN_KEY_VIOLATION } from '@app/database';
import { assertTimeZone } from '../events/event-time';
import { Actor } from '../shared/actor';
import { Locale } from '../shared/locale';
import { Page, PageRequest, paginate } from '../shared/pagination';
import { assertActsFor, assertAdmin } from '../shared/permissions';
import { PlanningError } from '../shared/planning.error';
import { likePattern } from '../shared/text-search';
import { organisationChanged, organisationDeleted, organisationFields } from './organisation-audit';
import { OrganisationFormerCode } from './organisation-former-code.entity';
import { Organisation } from './organisation.entity';

export interface OrganisationInput {
  name: string;
  code: string;
  country: string;
  timeZone: string;
  defaultLocale: Locale;
}

export interface OrganisationFilter extends PageRequest {
  q?: string;
  country?: string;
}

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly audit: AuditTrail,
  ) {}

  async create(actor: Actor, input: OrganisationInput): Promise<Organisation> {
    assertAdmin(actor, 'create organisations');
    assertTimeZone('timeZone', input.timeZone);
    const organisation = this.organisations.create(normaliseOrganisation(input));
    return this.saveUnique(actor, organisation, null);
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw PlanningError.notFound('organisation', id);
    return organisation;
  }

  async list(filter: OrganisationFilter): Promise<Page<Organisation>> {
    const query = this.organisations.createQueryBuilder('organisation');
    if (filter.q) {
      query.andWhere('(organisation.name ILIKE :q OR organisation.code ILIKE :q)', {
        q: likePattern(filter.q),
      });
    }
    if (filter.country)
      query.andWhere('organisation.country = :country', { country: filter.country.toUpperCase() });
    return paginate(query, 'name', (organisation) => organisation.name, filter);
  }

  async update(actor: Actor, id: string, changes: Partial<OrganisationInput>): Promise<Organisation> {
    const organisation = await this.get(id);
    assertActsFor(actor, [organisation.id], 'change this organisation');
    if (changes.timeZone !== undefined) assertTimeZone('timeZone', changes.timeZone);
    const before = organisationFields(organisation);
    Object.assign(organisation, normaliseOrganisation({ ...organisation, ...changes }));
    return this.saveUnique(actor, organisation, before);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    assertAdmin(actor, 'delete organisations');
    const organisation = await this.get(id);
    try {
      await this.organisations.manager.transaction(async (manager) => {
        await manager.delete(Organisation, { id });
        await this.audit.record(manager, organisationDeleted(actor, organisation));
      });
    } catch (error) {
      if (postgresErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) {
        throw PlanningError.conflict(
          'organisation_in_use',
          'This organisation still hosts events or has people; move or delete them first.',
        );
      }
      throw error;
    }
  }

  /**
   * Saves the organisation and keeps its former codes: a changed code is remembered, so that feed
   * URLs handed out under it redirect; and the code saved stops being anyone's former code, because
   * whoever holds a code now, a new organisation included, must get what is addressed to it.
   */
  private async saveUnique(
    actor: Actor,
    organisation: Organisation,
    before: FieldValues | null,
  ): Promise<Organisation> {
    const formerCode = before?.code;
    try {
      return await this.organisations.manager.transaction(async (manager) => {
        const saved = await manager.save(organisation);
        await this.audit.record(manager, ...organisationChanged(actor, before, saved));
        await manager.delete(OrganisationFormerCode, { code: saved.code });
        if (typeof formerCode === 'string' && formerCode !== saved.code) {
          await manager.upsert(OrganisationFormerCode, { code: formerCode, organisationId: saved.id }, [
            'code',
          ]);
        }
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw PlanningError.conflict(
          'organisation_code_taken',
          `The code ${organisation.code} is already in use.`,
        );
      }
      throw error;
    }
  }
}

export function normaliseOrganisation<T extends OrganisationInput>(input: T): T {
  return {
    ...input,
    name: input.name.trim(),
    code: input.code.trim().toUpperCase(),
    country: input.country.trim().toUpperCase(),
  };
}
