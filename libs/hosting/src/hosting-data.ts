import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErasedCounts, eventsByIds, peopleByIds, PersonDataHolder, PersonDataHolders } from '@app/planning';
import { HostAssignment } from './host-assignment.entity';
import { HostRole } from './host-role';
import { HostScheduleSent } from './host-schedule-sent.entity';
import { RoomAssignment } from './room-assignment.entity';

/** An assignment in a person's export, from their side: whom they host, or who hosts them. */
export interface ExportedHostAssignment {
  id: string;
  visitId: string;
  visitTitle: string;
  role: HostRole;
  night: string | null;
  partId: string | null;
  partTitle: string | null;
  /** The other person: the host on a guest's assignment, the guest on a host's. */
  otherPersonId: string;
  otherPersonName: string;
  phone: string | null;
  address: string | null;
  notes: string;
  createdAt: Date;
}

export interface ExportedRoom {
  visitId: string;
  visitTitle: string;
  accommodationId: string;
  accommodationTitle: string;
  night: string;
  room: string;
}

export interface ExportedHosting {
  asGuest: ExportedHostAssignment[];
  asHost: ExportedHostAssignment[];
  rooms: ExportedRoom[];
  /** When a schedule was last mailed to them as host, per visit. */
  schedulesSent: Array<{ visitId: string; queuedAt: Date }>;
}

/** The hosting part of exporting and erasing a person: as a guest, as a host, and their rooms. */
@Injectable()
export class HostingData implements PersonDataHolder, OnModuleInit {
  readonly section = 'hosting';

  constructor(private readonly holders: PersonDataHolders) {}

  onModuleInit(): void {
    this.holders.register(this);
  }

  async exportPerson(manager: EntityManager, personId: string): Promise<ExportedHosting> {
    const order = { night: 'ASC', createdAt: 'ASC' } as const;
    const [asGuest, asHost, rooms, schedulesSent] = await Promise.all([
      manager.find(HostAssignment, { where: { guestPersonId: personId }, order }),
      manager.find(HostAssignment, { where: { hostPersonId: personId }, order }),
      manager.find(RoomAssignment, { where: { guestPersonId: personId }, order: { night: 'ASC' } }),
      manager.find(HostScheduleSent, { where: { hostPersonId: personId }, order: { queuedAt: 'ASC' } }),
    ]);
    const assignments = [...asGuest, ...asHost];
    const [events, people] = await Promise.all([
      eventsByIds(manager, [
        ...assignments.flatMap((row) => [row.visitId, ...(row.partId ? [row.partId] : [])]),
        ...rooms.flatMap((row) => [row.visitId, row.accommodationId]),
      ]),
      peopleByIds(
        manager,
        assignments.flatMap((row) => [row.guestPersonId, row.hostPersonId]),
      ),
    ]);
    const titles = new Map(events.map((event) => [event.id, event.title]));
    const exported = (row: HostAssignment, otherPersonId: string): ExportedHostAssignment => ({
      id: row.id,
      visitId: row.visitId,
      visitTitle: titles.get(row.visitId) ?? '',
      role: row.role,
      night: row.night,
      partId: row.partId,
      partTitle: row.partId ? (titles.get(row.partId) ?? '') : null,
      otherPersonId,
      otherPersonName: people.get(otherPersonId)?.name ?? '',
      phone: row.phone,
      address: row.address,
      notes: row.notes,
      createdAt: row.createdAt,
    });
    return {
      asGuest: asGuest.map((row) => exported(row, row.hostPersonId)),
      asHost: asHost.map((row) => exported(row, row.guestPersonId)),
      rooms: rooms.map((row) => ({
        visitId: row.visitId,
        visitTitle: titles.get(row.visitId) ?? '',
        accommodationId: row.accommodationId,
        accommodationTitle: titles.get(row.accommodationId) ?? '',
        night: row.night,
        room: row.room,
      })),
      schedulesSent: schedulesSent.map((row) => ({ visitId: row.visitId, queuedAt: row.queuedAt })),
    };
  }

  /**
   * An assignment is about two people and a room about one guest: none of it means anything once
   * one of them is gone, and no count depends on it. The people rows' foreign keys would cascade
   * too; deleting here reports how many went.
   */
  async erasePerson(manager: EntityManager, personId: string): Promise<ErasedCounts> {
    const asGuest = await manager.delete(HostAssignment, { guestPersonId: personId });
    const asHost = await manager.delete(HostAssignment, { hostPersonId: personId });
    const rooms = await manager.delete(RoomAssignment, { guestPersonId: personId });
    await manager.delete(HostScheduleSent, { hostPersonId: personId });
    return {
      hostAssignmentsDeleted: (asGuest.affected ?? 0) + (asHost.affected ?? 0),
      roomAssignmentsDeleted: rooms.affected ?? 0,
    };
  }
}
