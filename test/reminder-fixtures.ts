import { Arrival } from '@app/testing';

const MINUTE_MS = 60_000;

/**
 * The whole-minute reminder offset that makes an event starting at `startsAt` remind somewhen in
 * [notBefore, notBefore + 1 min). Offsets are whole minutes, so moving the reminder of an event
 * created earlier to "soon" is how a test or benchmark gets reminders due at chosen moments
 * without sending updates (which moving the event itself would).
 */
export function offsetMinutesDueFrom(startsAt: Date, notBefore: Date): number {
  return Math.floor((startsAt.getTime() - notBefore.getTime()) / MINUTE_MS);
}

export interface ReminderRow {
  message_id: string | null;
  send_at: Date;
  status: string;
}

export interface Punctuality {
  reminders: number;
  /** Reminders the sink accepted, each counted once. */
  arrived: number;
  /** Arrivals beyond the first under the same Message-ID. */
  duplicates: number;
  /** Accepted by the sink before they were due. */
  early: number;
  /** Arrival minus due time of every reminder, ascending, in milliseconds; Infinity for one that never arrived. */
  latenessMs: number[];
}

/** How punctually the sink received the reminders, judged by their first arrival. */
export function punctuality(rows: ReminderRow[], arrivals: Arrival[]): Punctuality {
  const seen = new Map<string, { first: number; count: number }>();
  for (const arrival of arrivals) {
    const known = seen.get(arrival.messageId);
    if (known) known.count += 1;
    else seen.set(arrival.messageId, { first: arrival.at, count: 1 });
  }
  const latenessMs: number[] = [];
  let duplicates = 0;
  for (const row of rows) {
    const arrived = row.message_id === null ? undefined : seen.get(row.message_id);
    if (!arrived) {
      latenessMs.push(Number.POSITIVE_INFINITY);
      continue;
    }
    latenessMs.push(arrived.first - row.send_at.getTime());
    duplicates += arrived.count - 1;
  }
  latenessMs.sort((a, b) => a - b);
  return {
    reminders: rows.length,
    arrived: latenessMs.filter(Number.isFinite).length,
    duplicates,
    early: latenessMs.filter((lateness) => lateness < 0).length,
    latenessMs,
  };
}

/** The value below which `fraction` of the sorted values lie (nearest rank). */
export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}
