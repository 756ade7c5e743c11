import { formatDay, messagesFor } from '@app/presentation';
import { HostingPlan } from './hosting.service';

export interface RoomingNight {
  night: string;
  heading: string;
  rooms: Array<{ accommodation: string; room: string; guests: string[]; assignmentIds: string[] }>;
}

/** The rooming list: each night of accommodation with a room, its rooms in order and their guests. */
export function roomingListOf(plan: HostingPlan, locale: string): RoomingNight[] {
  const messages = messagesFor(locale);
  const titles = new Map(
    plan.accommodations.map((entry) => [entry.event.id, entry.event.venueName ?? entry.event.title]),
  );
  const nights = [...new Set(plan.rooms.map((row) => row.night))].sort();
  return nights.map((night) => {
    const rooms = new Map<string, RoomingNight['rooms'][number]>();
    for (const row of plan.rooms.filter((entry) => entry.night === night)) {
      const key = `${row.accommodationId}|${row.room}`;
      const room = rooms.get(key) ?? {
        accommodation: titles.get(row.accommodationId) ?? '',
        room: row.room,
        guests: [],
        assignmentIds: [],
      };
      room.guests.push(row.guestName);
      room.assignmentIds.push(row.id);
      rooms.set(key, room);
    }
    return {
      night,
      heading: messages.t('console.hosting.nightOf', { date: formatDay(night, messages.intlLocale) }),
      rooms: [...rooms.values()].sort((a, b) => a.room.localeCompare(b.room, undefined, { numeric: true })),
    };
  });
}
