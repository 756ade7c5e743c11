import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { isUniqueViolation, postgresErrorCode, PG_FOREIGN_KEY_VIOLATION } from '@app/database';
import { Organisation } from '../organisations/organisation.entity';
import { Actor, isAdmin } from '../shared/actor';
import { Page, PageRequest, paginate } from '../shared/pagination';
import { assertActsFor } from '../shared/permissions';
import { PlanningError } from '../shared/planning.error';
import { likePattern } from '../shared/text-search';
import { Partnership } from './partnership.entity';
import { partnershipChanged, partnershipFields, partnershipRecord } from './partnership-audit';

export interface PartnershipInput {
  name: string;
  description?: string;
  memberOrganisationIds: string[];
  /** Defaults to the key's organisation, for admin keys to the first member named. */
  leadOrganisationId?: string;
}

export interface PartnershipChanges extends Partial<PartnershipInput> {
  /** Removing members takes effect only with this set, after the 409 said what it removes. */
  confirmMemberRemoval?: boolean;
}

/** What removing an organisation from a partnership takes away from it. */
export interface RemovedMember {
  organisationId: string;
  name: string;
  code: string;
  /**
   * The partnership's published internal events that the organisation neither hosts nor
   * co-hosts: its keys no longer see them.
   */
  internalEvents: Array<{ id: string; title: string; startsAt: string }>;
  /**
   * How many of its people hold an invitation (not withdrawn) to one of the partnership's events.
   * Those invitations stay valid, answer links included: withdraw them through the event's
   * invitations if they must go.
   */
  invitedPeople: number;
}

export interface MemberChanges {
  addedOrganisationIds: string[];
  removed: RemovedMember[];
}

/** A changed partnership, with what its change did to the membership. */
export type ChangedPartnership = Partnership & { memberChanges: MemberChanges };

export interface PartnershipFilter extends PageRequest {
  q?: string;
  organisationId?: string;
}

@Injectable()
export class PartnershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async create(actor: Actor, input: PartnershipInput): Promise<Partnership> {
    assertActsFor(actor, input.memberOrganisationIds, 'create a partnership it is not a member of');
    const leadOrganisationId =
      input.leadOrganisationId ?? (isAdmin(actor) ? input.memberOrganisationIds[0] : actor.organisationId);
    assertLeadIsMember(leadOrganisationId, input.memberOrganisationIds);
    return this.dataSource.transaction(async (manager) => {
      const partnership = manager.create(Partnership, {
        name: input.name.trim(),
        description: input.description ?? '',
        members: await loadMembers(manager, input.memberOrganisationIds),
        leadOrganisationId,
      });
      const saved = await saveUnique(manager, partnership);
      const created = await this.getWith(manager, saved.id);
      await this.audit.record(manager, partnershipRecord(actor, 'partnership.created', created));
      return created;
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

  /**
   * Members change name and description; only the lead organisation (or an admin) changes who
   * is a member and who leads. Removing members answers 409 with what the removal takes away
   * unless `confirmMemberRemoval` is set; then the answer lists it under `memberChanges`.
   */
  async update(actor: Actor, id: string, changes: PartnershipChanges): Promise<ChangedPartnership> {
    return this.dataSource.transaction(async (manager) => {
      await manager.findOne(Partnership, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const partnership = await this.getWith(manager, id);
      assertActsFor(actor, partnership.memberIds, 'change a partnership it is not a member of');
      const before = partnershipFields(partnership);
      const memberIds = unique(changes.memberOrganisationIds ?? partnership.memberIds);
      const addedOrganisationIds = memberIds.filter((member) => !partnership.memberIds.includes(member));
      const removedIds = partnership.memberIds.filter((member) => !memberIds.includes(member));
      const leadOrganisationId = changes.leadOrganisationId ?? partnership.leadOrganisationId;
      const membershipChanges =
        addedOrganisationIds.length > 0 ||
        removedIds.length > 0 ||
        leadOrganisationId !== partnership.leadOrganisationId;
      if (membershipChanges) assertLeads(actor, partnership);
      if (leadOrganisationId !== null) assertLeadIsMember(leadOrganisationId, memberIds);
      const members = changes.memberOrganisationIds && (await loadMembers(manager, memberIds));
      const removed = await removedMembers(manager, id, removedIds);
      if (removed.length > 0 && changes.confirmMemberRemoval !== true) {
        throw PlanningError.conflict(
          'member_removal_unconfirmed',
          'Removing members takes away what details.removedMembers lists; send the change again with confirmMemberRemoval=true to remove them.',
          { removedMembers: removed },
        );
      }
      if (changes.name !== undefined) partnership.name = changes.name.trim();
      if (changes.description !== undefined) partnership.description = changes.description;
      if (members) partnership.members = members;
      partnership.leadOrganisationId = leadOrganisationId;
      await saveUnique(manager, partnership);
      const changed = await this.getWith(manager, id);
      const memberChanges = { addedOrganisationIds, removed };
      await this.audit.record(manager, ...partnershipChanged(actor, before, changed, memberChanges));
      return Object.assign(changed, { memberChanges });
    });
  }

  /** Deleting a partnership ends every membership at once: only its lead or an admin may. */
  async remove(actor: Actor, id: string): Promise<void> {
    const partnership = await this.get(id);
    assertActsFor(actor, partnership.memberIds, 'delete a partnership it is not a member of');
    assertLeads(actor, partnership);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.delete(Partnership, { id });
        await this.audit.record(manager, partnershipRecord(actor, 'partnership.deleted', partnership));
      });
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

function assertLeads(actor: Actor, partnership: Partnership): void {
  if (isAdmin(actor) || partnership.leadOrganisationId === actor.organisationId) return;
  throw PlanningError.forbidden(
    "Only an admin key or the partnership's lead organisation may change its members, its lead or delete it.",
  );
}

export function assertLeadIsMember(leadOrganisationId: string, memberIds: string[]): void {
  if (!memberIds.includes(leadOrganisationId)) {
    throw PlanningError.invalid('leadOrganisationId', 'The lead organisation must be one of the members.');
  }
}

/**
 * What each removed organisation loses. It counts invitations through `invited_people`, the view
 * the invitations lib publishes (see PeopleVisibility): planning cannot depend on that lib.
 */
async function removedMembers(
  manager: EntityManager,
  partnershipId: string,
  organisationIds: string[],
): Promise<RemovedMember[]> {
  if (organisationIds.length === 0) return [];
  return manager.query(
    `SELECT o.id AS "organisationId", o.name, o.code,
            COALESCE((SELECT json_agg(json_build_object('id', e.id, 'title', e.title, 'startsAt', e.starts_at)
                                      ORDER BY e.starts_at, e.id)
                        FROM events e
                       WHERE e.partnership_id = $1 AND e.visibility = 'internal' AND e.status <> 'draft'
                         AND e.host_organisation_id <> o.id
                         AND NOT EXISTS (SELECT 1 FROM event_co_hosts c
                                          WHERE c.event_id = e.id AND c.organisation_id = o.id)), '[]') AS "internalEvents",
            (SELECT count(DISTINCT i.person_id)::int
               FROM invited_people i JOIN events e ON e.id = i.event_id JOIN people p ON p.id = i.person_id
              WHERE e.partnership_id = $1 AND p.organisation_id = o.id AND NOT i.withdrawn) AS "invitedPeople"
       FROM organisations o WHERE o.id = ANY($2::uuid[]) ORDER BY o.name, o.id`,
    [partnershipId, organisationIds],
  );
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

async function loadMembers(manager: EntityManager, ids: string[]): Promise<Organisation[]> {
  const wanted = unique(ids);
  const members = await manager.findBy(Organisation, { id: In(wanted) });
  const missing = wanted.filter((id) => !members.some((member) => member.id === id));
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
