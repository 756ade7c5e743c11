import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditActorKind } from '@app/audit';
import { invitationIdsOfPerson } from '@app/invitations';
import { ErasedCounts, eventsByIds, PersonDataHolder, PersonDataHolders } from '@app/planning';
import { Attendance } from './attendance.entity';

/** A check-in in a person's export: where and when they were present, and how it was recorded. */
export interface ExportedAttendance {
  id: string;
  eventId: string;
  eventTitle: string;
  checkedInAt: Date;
  /** Whether an organiser, an API key or the system recorded it; not the organiser's name. */
  recordedByKind: AuditActorKind;
}

/** The attendance part of exporting and erasing a person. */
@Injectable()
export class AttendanceData implements PersonDataHolder, OnModuleInit {
  readonly section = 'attendance';

  constructor(private readonly holders: PersonDataHolders) {}

  onModuleInit(): void {
    this.holders.register(this);
  }

  async exportPerson(manager: EntityManager, personId: string): Promise<ExportedAttendance[]> {
    const invitationIds = await invitationIdsOfPerson(manager, personId);
    if (invitationIds.length === 0) return [];
    const rows = await manager.find(Attendance, {
      where: { invitationId: In(invitationIds) },
      order: { checkedInAt: 'ASC', id: 'ASC' },
    });
    const titles = new Map(
      (await eventsByIds(manager, rows.map((row) => row.eventId))).map((event) => [event.id, event.title]),
    );
    return rows.map((row) => ({
      id: row.id,
      eventId: row.eventId,
      eventTitle: titles.get(row.eventId) ?? '',
      checkedInAt: row.checkedInAt,
      recordedByKind: row.recordedByKind,
    }));
  }

  /**
   * A check-in names nobody once the invitation it hangs off is anonymous (libs/invitations keeps
   * it as a row without a person), and an event's attendance count must stay as it happened.
   */
  erasePerson(): Promise<ErasedCounts> {
    return Promise.resolve({});
  }
}
