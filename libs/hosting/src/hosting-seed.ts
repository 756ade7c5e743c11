import { EntityManager } from 'typeorm';
import { SeedResult, seedRows } from '@app/database';
import { HostAssignment } from './host-assignment.entity';
import { RoomAssignment } from './room-assignment.entity';

/** A host assignment of seed data with the stable id it is kept under. */
export type HostAssignmentSeed = Pick<
  HostAssignment,
  | 'id'
  | 'visitId'
  | 'guestPersonId'
  | 'hostPersonId'
  | 'role'
  | 'night'
  | 'partId'
  | 'phone'
  | 'address'
  | 'notes'
>;

export type RoomAssignmentSeed = Pick<
  RoomAssignment,
  'id' | 'visitId' | 'accommodationId' | 'night' | 'room' | 'guestPersonId'
>;

/**
 * Writes seed host assignments in the caller's transaction, without audit entries. A guest's
 * host family for a night made by hand is adopted rather than doubled (one per night).
 */
export function seedHostAssignments(
  manager: EntityManager,
  seeds: HostAssignmentSeed[],
): Promise<SeedResult[]> {
  return seedRows(
    manager,
    HostAssignment,
    seeds.map(({ id, ...values }) => ({
      id,
      values,
      naturalKey:
        values.role === 'host_family' && values.night
          ? {
              visitId: values.visitId,
              guestPersonId: values.guestPersonId,
              night: values.night,
              role: 'host_family',
            }
          : undefined,
    })),
  );
}

/** Writes seed room assignments; a guest's room for a night made by hand is adopted (one room a night). */
export function seedRoomAssignments(
  manager: EntityManager,
  seeds: RoomAssignmentSeed[],
): Promise<SeedResult[]> {
  return seedRows(
    manager,
    RoomAssignment,
    seeds.map(({ id, ...values }) => ({
      id,
      values,
      naturalKey: { visitId: values.visitId, guestPersonId: values.guestPersonId, night: values.night },
    })),
  );
}
