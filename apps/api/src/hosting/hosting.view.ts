import { ApiProperty } from '@nestjs/swagger';
import {
  HOST_ROLES,
  HostAssignment,
  HostAssignmentView as HostAssignmentRow,
  HostingPlan,
  HostRole,
  Itinerary,
  RoomAssignment,
  RoomAssignmentView as RoomAssignmentRow,
  SchedulesSent,
} from '@app/hosting';

export class HostAssignmentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  visitId: string;

  @ApiProperty({ format: 'uuid' })
  guestId: string;

  @ApiProperty({ format: 'uuid' })
  hostId: string;

  @ApiProperty({ enum: HOST_ROLES })
  role: HostRole;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  night: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  partId: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty()
  notes: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class PlannedHostAssignmentView extends HostAssignmentView {
  @ApiProperty()
  guestName: string;

  @ApiProperty()
  hostName: string;

  @ApiProperty({ description: 'The programme item was cancelled after the assignment: look at it.' })
  partCancelled: boolean;
}

export class RoomAssignmentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  accommodationId: string;

  @ApiProperty({ type: String, format: 'date' })
  night: string;

  @ApiProperty()
  room: string;

  @ApiProperty({ format: 'uuid' })
  guestId: string;
}

export class PlannedRoomAssignmentView extends RoomAssignmentView {
  @ApiProperty()
  guestName: string;
}

export class HostingGuestView {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['de', 'en', 'sw'] })
  locale: string;

  @ApiProperty({ format: 'uuid' })
  invitationId: string;
}

export class HostingPartView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  kind: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, format: 'date-time' })
  startsAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  endsAt: Date;

  @ApiProperty()
  status: string;

  @ApiProperty({ type: [String], format: 'date', description: 'Accommodation only: its nights.' })
  nights: string[];
}

export class HostingPlanView {
  @ApiProperty({ format: 'uuid' })
  visitId: string;

  @ApiProperty({ type: [String], format: 'date', description: 'The nights of the visit, by their evening.' })
  nights: string[];

  @ApiProperty({ type: [HostingGuestView] })
  guests: HostingGuestView[];

  @ApiProperty({ type: [HostingPartView], description: 'The programme items (not drafts), in start order.' })
  parts: HostingPartView[];

  @ApiProperty({ type: [PlannedHostAssignmentView] })
  hosts: PlannedHostAssignmentView[];

  @ApiProperty({ type: [PlannedRoomAssignmentView], description: 'The rooming list, by night and room.' })
  rooms: PlannedRoomAssignmentView[];
}

export class ItineraryItemView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: '16:40 Dar es Salaam (EAT) – Thu 28 Oct, 06:15 Berlin (CEST)' })
  times: string;

  @ApiProperty({ type: String, nullable: true })
  place: string | null;

  @ApiProperty()
  cancelled: boolean;

  @ApiProperty({ type: [String], description: 'Who guides, interprets or drives, with phone and notes.' })
  people: string[];
}

export class ItineraryDayView {
  @ApiProperty({ type: String, format: 'date' })
  date: string;

  @ApiProperty()
  heading: string;

  @ApiProperty({ type: [ItineraryItemView] })
  items: ItineraryItemView[];

  @ApiProperty({ type: String, nullable: true, description: 'Where the guest sleeps that night.' })
  sleep: string | null;
}

export class ItineraryView {
  @ApiProperty({ format: 'uuid' })
  visitId: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty()
  guestName: string;

  @ApiProperty({ enum: ['de', 'en', 'sw'], description: "The guest's language, which the texts are in." })
  language: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: [ItineraryDayView] })
  days: ItineraryDayView[];
}

export class SchedulesSentView {
  @ApiProperty({ description: 'Hosts with assignments in the visit.' })
  hosts: number;

  @ApiProperty({ description: 'Hosts mailed now: their schedule changed since the last one sent.' })
  queued: number;
}

export function toHostAssignmentView(row: HostAssignment): HostAssignmentView {
  return {
    id: row.id,
    visitId: row.visitId,
    guestId: row.guestPersonId,
    hostId: row.hostPersonId,
    role: row.role,
    night: row.night,
    partId: row.partId,
    phone: row.phone,
    address: row.address,
    notes: row.notes,
    updatedAt: row.updatedAt,
  };
}

export function toRoomAssignmentView(row: RoomAssignment): RoomAssignmentView {
  return {
    id: row.id,
    accommodationId: row.accommodationId,
    night: row.night,
    room: row.room,
    guestId: row.guestPersonId,
  };
}

export function toHostingPlanView(plan: HostingPlan): HostingPlanView {
  const nights = new Map(plan.accommodations.map((entry) => [entry.event.id, entry.nights]));
  return {
    visitId: plan.visit.id,
    nights: plan.nights,
    guests: plan.guests.map((guest) => ({
      personId: guest.person.id,
      name: guest.person.name,
      locale: guest.person.locale,
      invitationId: guest.invitationId,
    })),
    parts: plan.parts.map((part) => ({
      id: part.id,
      kind: part.kind,
      title: part.title,
      startsAt: part.startsAt,
      endsAt: part.endsAt,
      status: part.status,
      nights: nights.get(part.id) ?? [],
    })),
    hosts: plan.hosts.map((row: HostAssignmentRow) => ({
      ...toHostAssignmentView(row),
      guestName: row.guestName,
      hostName: row.hostName,
      partCancelled: row.partCancelled,
    })),
    rooms: plan.rooms.map((row: RoomAssignmentRow) => ({
      ...toRoomAssignmentView(row),
      guestName: row.guestName,
    })),
  };
}

export function toItineraryView(itinerary: Itinerary): ItineraryView {
  const { visitId, personId, guestName, language, title, days } = itinerary;
  return { visitId, personId, guestName, language, title, days };
}

export function toSchedulesSentView(sent: SchedulesSent): SchedulesSentView {
  return { hosts: sent.hosts, queued: sent.queued };
}
