import { EntityManager } from 'typeorm';
import { Event, Round, roundMatesOf, roundsOf, workshopsOf } from '@app/planning';
import { HeldChoice } from './attendance';
import { InvitationError } from './invitations.error';

/** What the rule needs of a workshop. */
export type Workshop = Pick<Event, 'id' | 'title' | 'startsAt' | 'endsAt'>;

/** A seat given up for another workshop of the same round. */
export interface SeatReplacement {
  given: Pick<Event, 'id' | 'title'>;
  taken: Pick<Event, 'id' | 'title'>;
}

/** What `round_taken` tells a client: the seat a request would replace, and the one it asked for. */
export interface RoundTakenDetails {
  round: { startsAt: Date; endsAt: Date };
  seat: { workshopId: string; title: string; status: HeldChoice['status'] };
  requested: { workshopId: string; title: string };
}

export interface RoundChoice {
  /** The workshops the person holds afterwards: what they asked for, less the seats replaced. */
  wanted: string[];
  replaced: SeatReplacement[];
}

/**
 * Holds a person to one seat (confirmed or waitlisted) per round of the event's workshops
 * (`roundsOf`: parts whose times overlap). A request names every workshop the person wants
 * afterwards. It may keep seats already held, even two of one round that an organiser's change of
 * times put together: nobody loses a seat by answering something else. But it may ask for at most
 * one new seat per round, and a new seat next to a held one of its round replaces that only when
 * the request says so (`replace`), else it is refused as `round_taken`, naming the seat.
 */
export function oneSeatPerRound(
  offered: Workshop[],
  held: HeldChoice[],
  wanted: string[],
  replace: boolean,
): RoundChoice {
  const active = new Map(
    held.filter((choice) => choice.status !== 'withdrawn').map((choice) => [choice.eventId, choice]),
  );
  const asked = new Set(wanted);
  const dropped = new Set<string>();
  const replaced: SeatReplacement[] = [];
  for (const round of roundsOf(offered)) {
    const kept = round.parts.filter((part) => asked.has(part.id) && active.has(part.id));
    const added = round.parts.filter((part) => asked.has(part.id) && !active.has(part.id));
    if (added.length > 1) throw onePerRound(round, added);
    if (added.length === 0) continue;
    const [taken] = added;
    if (kept.length > 0 && !replace) throw roundTaken(round, kept[0], active.get(kept[0].id)!, taken);
    const given = [...kept, ...round.parts.filter((part) => active.has(part.id) && !asked.has(part.id))];
    for (const part of kept) dropped.add(part.id);
    replaced.push(...given.map((part) => ({ given: brief(part), taken: brief(taken) })));
  }
  return { wanted: wanted.filter((id) => !dropped.has(id)), replaced };
}

function brief(event: Workshop): Pick<Event, 'id' | 'title'> {
  return { id: event.id, title: event.title };
}

function onePerRound(round: Round<Workshop>, added: Workshop[]): InvitationError {
  const titles = added.map((part) => `"${part.title}"`).join(' and ');
  return new InvitationError(
    'invalid',
    'one_per_round',
    `${titles} take place at the same time (${round.startsAt.toISOString()} – ${round.endsAt.toISOString()}): choose one of them.`,
    [{ field: 'workshopIds', message: `Only one workshop per round: ${titles} overlap.` }],
    { workshopIds: added.map((part) => part.id) },
  );
}

function roundTaken(
  round: Round<Workshop>,
  seat: Workshop,
  choice: HeldChoice,
  requested: Workshop,
): InvitationError {
  const details: RoundTakenDetails = {
    round: { startsAt: round.startsAt, endsAt: round.endsAt },
    seat: { workshopId: seat.id, title: seat.title, status: choice.status },
    requested: { workshopId: requested.id, title: requested.title },
  };
  return new InvitationError(
    'conflict',
    'round_taken',
    `"${requested.title}" would replace the seat in "${seat.title}" of the same round; send replace: true to swap, or leave "${seat.title}" out.`,
    [],
    details,
  );
}

/** For each of these workshops of the event, the ids of the other workshops of its round. */
export async function roundMateIds(
  manager: EntityManager,
  eventId: string,
  workshopIds: string[],
): Promise<Map<string, string[]>> {
  if (workshopIds.length === 0) return new Map();
  const offered = await workshopsOf(manager, eventId);
  const mates = roundMatesOf(offered);
  return new Map(workshopIds.map((id) => [id, (mates.get(id) ?? []).map((mate) => mate.id)]));
}
