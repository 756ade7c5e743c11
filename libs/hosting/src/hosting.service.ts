import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecord, AuditTrail, changedFields } from '@app/audit';
import { isUniqueViolation } from '@app/database';
import { guestsOf } from '@app/invitations';
import {
  Actor,
  Event,
  eventsByIds,
  findEvent,
  hostingOrganisationIds,
  hostsEvent,
  partIdsOf,
  peopleByIds,
  Person,
} from '@app/planning';
import { HostAssignment } from './host-assignment.entity';
import { HOSTED_VISIT_KINDS, HostRole } from './host-role';
import { HostingError } from './hosting.error';
import { RoomAssignment } from './room-assignment.entity';
import { nightsOf } from './visit-nights';

export interface HostAssignmentInput {
  guestId: string;
  hostId: string;
  role: HostRole;
  /** An ISO date: the night, for host families (and anyone hosting a guest for a night). */
  night?: string | null;
  /** A programme item of the visit, for guides, interpreters and drivers. */
  partId?: string | null;
  phone?: string | null;
  address?: string | null;
  notes?: string;
}

export interface RoomInput {
  accommodationId: string;
  night: string;
  room: string;
  guestIds: string[];
}

/** An assignment with the names it is about, and whether its programme item was cancelled. */
export interface HostAssignmentView extends HostAssignment {
  guestName: string;
  hostName: string;
  /** The programme item was cancelled after the assignment: the organiser should look at it. */
  partCancelled: boolean;
}

export interface RoomAssignmentView extends RoomAssignment {
  guestName: string;
}

export interface HostingGuest {
  person: Person;
  invitationId: string;
  confirmedPartIds: string[];
}

/** Everything the hosting of one visit consists of, as the API and the console show it. */
export interface HostingPlan {
  visit: Event;
  /** Its nights, by their evening's date at the visit's place. */
  nights: string[];
  /** Its parts at any depth that are not drafts, in start order. */
  parts: Event[];
  accommodations: Array<{ event: Event; nights: string[] }>;
  guests: HostingGuest[];
  hosts: HostAssignmentView[];
  rooms: RoomAssignmentView[];
}

const PERSONAL_FIELDS = ['phone', 'address', 'notes'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from a console form are text: one that is no id is a 400 here, not a failed query. */
function assertIds(field: string, ids: Array<string | null>): void {
  if (ids.some((id) => id !== null && !UUID.test(id)))
    throw HostingError.invalid(field, `${field}: must be a UUID.`);
}

/**
 * Who hosts the guests of a delegation visit or exchange trip, and who sleeps in which room.
 * The visit's hosts and co-hosts read it (any role) and their organisers and admins change it;
 * every change is in the audit trail, in the transaction of the change.
 */
@Injectable()
export class HostingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async plan(actor: Actor, visitId: string): Promise<HostingPlan> {
    const manager = this.dataSource.manager;
    const visit = await this.visit(manager, actor, visitId, false);
    return this.planOf(manager, visit);
  }

  /** The plan without an actor: for a guest's itinerary and a host's schedule, whose links are the credential. */
  async planOf(manager: EntityManager, visit: Event): Promise<HostingPlan> {
    const [parts, guests, hosts, rooms] = await Promise.all([
      partIdsOf(manager, visit.id).then((ids) => eventsByIds(manager, ids)),
      guestsOf(manager, visit.id),
      manager.find(HostAssignment, {
        where: { visitId: visit.id },
        order: { night: 'ASC', createdAt: 'ASC' },
      }),
      manager.find(RoomAssignment, { where: { visitId: visit.id }, order: { night: 'ASC', room: 'ASC' } }),
    ]);
    const people = await peopleByIds(manager, [
      ...guests.map((guest) => guest.personId),
      ...hosts.flatMap((host) => [host.guestPersonId, host.hostPersonId]),
      ...rooms.map((room) => room.guestPersonId),
    ]);
    const nameOf = (id: string) => people.get(id)?.name ?? '';
    const listed = parts.filter((part) => part.status !== 'draft');
    const cancelled = new Set(parts.filter((part) => part.status === 'cancelled').map((part) => part.id));
    return {
      visit,
      nights: nightsOf(visit),
      parts: listed,
      accommodations: listed
        .filter((part) => part.kind === 'accommodation')
        .map((event) => ({ event, nights: nightsOf(event) })),
      guests: guests.flatMap((guest) => {
        const person = people.get(guest.personId);
        return person
          ? [{ person, invitationId: guest.invitationId, confirmedPartIds: guest.confirmedPartIds }]
          : [];
      }),
      hosts: hosts.map((host) =>
        Object.assign(host, {
          guestName: nameOf(host.guestPersonId),
          hostName: nameOf(host.hostPersonId),
          partCancelled: host.partId !== null && cancelled.has(host.partId),
        }),
      ),
      rooms: rooms.map((room) => Object.assign(room, { guestName: nameOf(room.guestPersonId) })),
    };
  }

  async assignHost(actor: Actor, visitId: string, input: HostAssignmentInput): Promise<HostAssignment> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const visit = await this.visit(manager, actor, visitId, true);
        const values = await this.checkedHost(manager, visit, input);
        const saved = await manager.save(manager.create(HostAssignment, { visitId, ...values }));
        await this.audit.record(manager, this.hostRecord(actor, visit, 'host_assignment.created', saved));
        return saved;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (input.role === 'host_family' && input.night) {
        throw HostingError.conflict(
          'host_family_taken',
          `The guest already has a host family on the night of ${input.night}.`,
        );
      }
      throw HostingError.conflict('already_assigned', 'This host has this role for this guest already.');
    }
  }

  async unassignHost(actor: Actor, visitId: string, assignmentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const visit = await this.visit(manager, actor, visitId, true);
      const found = await manager.findOne(HostAssignment, {
        where: { id: assignmentId, visitId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw HostingError.notFound('host_assignment', assignmentId);
      await manager.delete(HostAssignment, { id: found.id });
      await this.audit.record(manager, this.hostRecord(actor, visit, 'host_assignment.deleted', found));
    });
  }

  /**
   * Puts guests in a room of an accommodation for a night. A guest already in another room that
   * night moves: a guest sleeps in one room a night.
   */
  async assignRoom(actor: Actor, visitId: string, input: RoomInput): Promise<RoomAssignment[]> {
    const room = input.room.trim();
    if (!room) throw HostingError.invalid('room', 'room: name the room (e.g. "12" or "Suite 3").');
    if (input.guestIds.length === 0)
      throw HostingError.invalid('guestIds', 'guestIds: name at least one guest.');
    assertIds('accommodationId', [input.accommodationId]);
    assertIds('guestIds', input.guestIds);
    return this.dataSource.transaction(async (manager) => {
      const visit = await this.visit(manager, actor, visitId, true);
      const accommodation = await findEvent(manager, input.accommodationId);
      const partIds = await partIdsOf(manager, visit.id);
      if (!accommodation || accommodation.kind !== 'accommodation' || !partIds.includes(accommodation.id)) {
        throw HostingError.invalid('accommodationId', 'accommodationId: not an accommodation of this visit.');
      }
      if (accommodation.status === 'cancelled') {
        throw HostingError.conflict('part_cancelled', 'The accommodation is cancelled.');
      }
      this.assertNight('night', input.night, nightsOf(accommodation), 'a night of the accommodation');
      await this.assertGuests(manager, visit, input.guestIds, 'guestIds');
      const moved = await manager
        .createQueryBuilder(RoomAssignment, 'room')
        .setLock('pessimistic_write')
        .where('room.visitId = :visitId AND room.night = :night AND room.guestPersonId IN (:...guests)', {
          visitId,
          night: input.night,
          guests: input.guestIds,
        })
        .getMany();
      const records: AuditRecord[] = [];
      for (const old of moved) {
        await manager.delete(RoomAssignment, { id: old.id });
        records.push(this.roomRecord(actor, visit, 'room_assignment.deleted', old));
      }
      const saved = await manager.save(
        [...new Set(input.guestIds)].map((guestPersonId) =>
          manager.create(RoomAssignment, {
            visitId,
            accommodationId: accommodation.id,
            night: input.night,
            room,
            guestPersonId,
          }),
        ),
      );
      records.push(...saved.map((row) => this.roomRecord(actor, visit, 'room_assignment.created', row)));
      await this.audit.record(manager, ...records);
      return saved;
    });
  }

  async unassignRoom(actor: Actor, visitId: string, roomAssignmentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const visit = await this.visit(manager, actor, visitId, true);
      const found = await manager.findOne(RoomAssignment, {
        where: { id: roomAssignmentId, visitId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw HostingError.notFound('room_assignment', roomAssignmentId);
      await manager.delete(RoomAssignment, { id: found.id });
      await this.audit.record(manager, this.roomRecord(actor, visit, 'room_assignment.deleted', found));
    });
  }

  /** The visit, if it is one with hosts and the actor's organisation hosts it (and may change it, to write). */
  async visit(manager: EntityManager, actor: Actor, visitId: string, write: boolean): Promise<Event> {
    const visit = await findEvent(manager, visitId, write ? 'pessimistic_write' : undefined);
    if (!visit || !hostsEvent(actor, visit)) throw HostingError.notFound('event', visitId);
    if (write && actor.role === 'viewer') throw HostingError.forbidden('This API key may only read.');
    if (!(HOSTED_VISIT_KINDS as readonly string[]).includes(visit.kind)) {
      throw HostingError.conflict(
        'not_a_visit',
        `The event ${visitId} is a ${visit.kind}, not a delegation visit or exchange trip.`,
      );
    }
    return visit;
  }

  private async checkedHost(
    manager: EntityManager,
    visit: Event,
    input: HostAssignmentInput,
  ): Promise<Omit<HostAssignment, 'id' | 'visitId' | 'createdAt' | 'updatedAt'>> {
    const night = input.night ?? null;
    const partId = input.partId ?? null;
    assertIds('guestId', [input.guestId]);
    assertIds('hostId', [input.hostId]);
    assertIds('partId', [partId]);
    if ((night === null) === (partId === null)) {
      throw HostingError.invalid(
        'night',
        'night, partId: give either a night or a programme item, not both.',
      );
    }
    if (input.guestId === input.hostId)
      throw HostingError.invalid('hostId', 'hostId: a guest cannot host themselves.');
    if (night !== null) this.assertNight('night', night, nightsOf(visit), 'a night of the visit');
    if (partId !== null) {
      const part = await findEvent(manager, partId);
      if (!part || !(await partIdsOf(manager, visit.id)).includes(part.id)) {
        throw HostingError.invalid('partId', 'partId: not a programme item of this visit.');
      }
      if (part.status === 'cancelled')
        throw HostingError.conflict('part_cancelled', `The programme item ${part.id} is cancelled.`);
    }
    await this.assertGuests(manager, visit, [input.guestId], 'guestId');
    const host = (await peopleByIds(manager, [input.hostId])).get(input.hostId);
    if (!host) throw HostingError.notFound('person', input.hostId);
    return {
      guestPersonId: input.guestId,
      hostPersonId: input.hostId,
      role: input.role,
      night,
      partId,
      phone: input.phone?.trim() || null,
      address: input.address?.trim() || null,
      notes: input.notes?.trim() ?? '',
    };
  }

  private assertNight(field: string, night: string, nights: string[], what: string): void {
    if (!ISO_DATE.test(night))
      throw HostingError.invalid(field, `${field}: a date such as ${nights[0] ?? '2027-10-30'}.`);
    if (!nights.includes(night)) {
      const range = nights.length ? ` (${nights[0]} to ${nights[nights.length - 1]})` : '';
      throw HostingError.invalid(field, `${field}: ${night} is not ${what}${range}.`);
    }
  }

  private async assertGuests(
    manager: EntityManager,
    visit: Event,
    personIds: string[],
    field: string,
  ): Promise<void> {
    const guests = new Set((await guestsOf(manager, visit.id)).map((guest) => guest.personId));
    const stranger = personIds.find((id) => !guests.has(id));
    if (stranger) throw HostingError.notInvited(field, stranger);
  }

  private hostRecord(
    actor: Actor,
    visit: Event,
    action: 'host_assignment.created' | 'host_assignment.deleted',
    row: HostAssignment,
  ): AuditRecord {
    const values = {
      visitId: row.visitId,
      role: row.role,
      guestPersonId: row.guestPersonId,
      hostPersonId: row.hostPersonId,
      night: row.night,
      partId: row.partId,
      phone: row.phone,
      address: row.address,
      notes: row.notes,
    };
    return {
      actor: actor.who,
      action,
      recordType: 'host_assignment',
      recordId: row.id,
      organisationIds: hostingOrganisationIds(visit),
      changes:
        action === 'host_assignment.created'
          ? changedFields({}, values, PERSONAL_FIELDS)
          : changedFields(values, {}, PERSONAL_FIELDS),
      subjectPersonId: row.guestPersonId,
    };
  }

  private roomRecord(
    actor: Actor,
    visit: Event,
    action: 'room_assignment.created' | 'room_assignment.deleted',
    row: RoomAssignment,
  ): AuditRecord {
    const values = {
      visitId: row.visitId,
      accommodationId: row.accommodationId,
      night: row.night,
      room: row.room,
      guestPersonId: row.guestPersonId,
    };
    return {
      actor: actor.who,
      action,
      recordType: 'room_assignment',
      recordId: row.id,
      organisationIds: hostingOrganisationIds(visit),
      changes: action === 'room_assignment.created' ? changedFields({}, values) : changedFields(values, {}),
      subjectPersonId: row.guestPersonId,
    };
  }
}
