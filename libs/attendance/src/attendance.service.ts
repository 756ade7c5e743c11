import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditRecord, AuditTrail } from '@app/audit';
import { expectedAttendees, ExpectedAttendee } from '@app/invitations';
import {
  Actor,
  Event,
  EventsService,
  findEvent,
  findOrganisation,
  hostingOrganisationIds,
  hostsEvent,
  unknownPartnershipIds,
} from '@app/planning';
import { Attendance } from './attendance.entity';
import { AttendanceError } from './attendance.error';

/** Someone expected at an event, and whether (since when) they are present. */
export interface AttendanceEntry extends ExpectedAttendee {
  organisationName: string | null;
  checkedInAt: Date | null;
}

/** The list an organiser ticks: the event and everyone expected at it, sorted by name. */
export interface AttendanceSheet {
  event: Event;
  entries: AttendanceEntry[];
  present: number;
  expected: number;
  /** Viewers see the list but may not tick. */
  mayCheckIn: boolean;
}

/** One line of an attendance report, for funders. */
export interface AttendanceReportRow {
  event: Event;
  entry: AttendanceEntry;
}

/** A change of one name on the list: present or not. */
export interface AttendanceChange {
  invitationId: string;
  present: boolean;
}

/** How far ahead the check-in screen offers events. */
const SOON_DAYS = 3;

/**
 * Check-in: who was present at which event or session. The hosts' organisers (and admins) read
 * and tick; viewers of the hosts read; everyone else gets 403 for an event they may see and 404
 * for one they may not. Each check-in and undo is recorded in the audit trail with the change.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly audit: AuditTrail,
  ) {}

  async sheet(actor: Actor, eventId: string): Promise<AttendanceSheet> {
    const manager = this.dataSource.manager;
    const event = await this.hostedEvent(manager, actor, eventId);
    const entries = await this.entries(manager, event);
    return {
      event,
      entries,
      present: entries.filter((entry) => entry.checkedInAt !== null).length,
      expected: entries.length,
      mayCheckIn: actor.role !== 'viewer',
    };
  }

  /** The expected attendee an invitation makes, or 404 when it makes none at this event. */
  async attendee(actor: Actor, eventId: string, invitationId: string): Promise<AttendanceEntry> {
    const sheet = await this.sheet(actor, eventId);
    const entry = sheet.entries.find((candidate) => candidate.invitationId === invitationId);
    if (!entry) throw AttendanceError.notExpected();
    return entry;
  }

  /**
   * Ticks names present or takes ticks back, in one transaction. Ticking someone present again
   * keeps the first time; only real changes are recorded.
   */
  async change(actor: Actor, eventId: string, changes: AttendanceChange[]): Promise<AttendanceSheet> {
    if (actor.role === 'viewer')
      throw AttendanceError.forbidden('Viewers may see the list but not check in.');
    await this.dataSource.transaction(async (manager) => {
      const event = await this.hostedEvent(manager, actor, eventId);
      // Serialises check-ins of one event, so that two phones ticking the same name record it once.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`attendance:${event.id}`]);
      const expected = new Map(
        (await expectedAttendees(manager, event)).map((attendee) => [attendee.invitationId, attendee]),
      );
      const records: AuditRecord[] = [];
      for (const change of changes) {
        const attendee = expected.get(change.invitationId);
        if (!attendee) throw AttendanceError.notExpected();
        const changed = change.present
          ? await this.checkIn(manager, actor, event, attendee)
          : await this.undo(manager, event, attendee);
        if (changed) records.push(this.record(actor, event, attendee, change.present));
      }
      await this.audit.record(manager, ...records);
    });
    return this.sheet(actor, eventId);
  }

  /** Events and parts of today and the next days that the actor's organisation hosts, in start order. */
  async eventsSoon(actor: Actor, now = new Date()): Promise<Event[]> {
    const from = new Date(now.getTime() - 12 * 3_600_000);
    const to = new Date(now.getTime() + SOON_DAYS * 86_400_000);
    const page = await this.events.list(
      actor,
      { from, to, organisationId: actor.organisationId, limit: 100 },
      { reuse: () => undefined, present: (event) => event },
    );
    return page.items.filter((event) => event.status !== 'cancelled' && hostsEvent(actor, event));
  }

  /** Everyone expected at the event, present or not, for the report of one event. */
  async eventReport(actor: Actor, eventId: string): Promise<AttendanceReportRow[]> {
    const sheet = await this.sheet(actor, eventId);
    return sheet.entries.map((entry) => ({ event: sheet.event, entry }));
  }

  /**
   * The report of a partnership: every event of it the actor's organisation hosts (names are
   * personal data, which only the hosts hold), with its parts, in start order.
   */
  async partnershipReport(actor: Actor, partnershipId: string): Promise<AttendanceReportRow[]> {
    const manager = this.dataSource.manager;
    if ((await unknownPartnershipIds(manager, [partnershipId])).length > 0) {
      throw AttendanceError.notFound('partnership', partnershipId);
    }
    const rows: AttendanceReportRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.events.list(
        actor,
        { partnershipId, limit: 100, cursor },
        { reuse: () => undefined, present: (event) => event },
      );
      for (const event of page.items.filter((candidate) => hostsEvent(actor, candidate))) {
        for (const entry of await this.entries(manager, event)) rows.push({ event, entry });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return rows;
  }

  private async checkIn(
    manager: EntityManager,
    actor: Actor,
    event: Event,
    attendee: ExpectedAttendee,
  ): Promise<boolean> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Attendance)
      .values({
        eventId: event.id,
        invitationId: attendee.invitationId,
        recordedByKind: actor.who.kind,
        recordedById: actor.who.id,
        recordedByName: actor.who.label,
      })
      .orIgnore()
      .returning('id')
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  private async undo(manager: EntityManager, event: Event, attendee: ExpectedAttendee): Promise<boolean> {
    const result = await manager.delete(Attendance, {
      eventId: event.id,
      invitationId: attendee.invitationId,
    });
    return (result.affected ?? 0) > 0;
  }

  private record(actor: Actor, event: Event, attendee: ExpectedAttendee, present: boolean): AuditRecord {
    return {
      actor: actor.who,
      action: present ? 'attendance.checked_in' : 'attendance.undone',
      recordType: 'invitation',
      recordId: attendee.invitationId,
      organisationIds: hostingOrganisationIds(event),
      details: { eventId: event.id },
      subjectPersonId: attendee.personId,
    };
  }

  private async entries(manager: EntityManager, event: Event): Promise<AttendanceEntry[]> {
    const attendees = await expectedAttendees(manager, event);
    const present = new Map(
      (
        await manager.find(Attendance, {
          where: { eventId: event.id, invitationId: In(attendees.map((attendee) => attendee.invitationId)) },
        })
      ).map((row) => [row.invitationId, row.checkedInAt]),
    );
    const organisationIds = [
      ...new Set(attendees.flatMap((a) => (a.organisationId ? [a.organisationId] : []))),
    ];
    const organisations = new Map(
      await Promise.all(
        organisationIds.map(async (id) => [id, (await findOrganisation(manager, id))?.name ?? null] as const),
      ),
    );
    return attendees.map((attendee) => ({
      ...attendee,
      organisationName: attendee.organisationId ? (organisations.get(attendee.organisationId) ?? null) : null,
      checkedInAt: present.get(attendee.invitationId) ?? null,
    }));
  }

  /** The event if the actor's organisation hosts or co-hosts it; 403 if it may only see it, else 404. */
  private async hostedEvent(manager: EntityManager, actor: Actor, eventId: string): Promise<Event> {
    const event = await findEvent(manager, eventId);
    if (!event) throw AttendanceError.notFound('event', eventId);
    if (hostsEvent(actor, event)) return event;
    await this.events.get(actor, eventId);
    throw AttendanceError.forbidden('Only the hosts of an event keep its attendance.');
  }
}
