import { Span } from './event-rules';

/**
 * A round: parts of one event that are alternatives because their times overlap, e.g. the
 * parallel workshops of a city day. Two parts overlap when each starts before the other ends (a
 * part ending at 12:00 and one starting at 12:00 do not). A round is a connected set of the
 * overlap graph: when A overlaps B and B overlaps C, all three are one round even if A and C do
 * not meet, since a person in B could otherwise hold A and C and be in two places during B.
 */
export interface Round<T extends Span> extends Span {
  /** The round's parts in start order (then end); the round spans from the first start to the last end. */
  parts: T[];
}

/** The rounds of these parts, in start order; a part overlapping no other is a round of its own. */
export function roundsOf<T extends Span>(parts: readonly T[]): Array<Round<T>> {
  const sorted = [...parts].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.endsAt.getTime() - b.endsAt.getTime(),
  );
  const rounds: Array<Round<T>> = [];
  for (const part of sorted) {
    const current = rounds.at(-1);
    if (current && part.startsAt < current.endsAt) {
      current.parts.push(part);
      if (part.endsAt > current.endsAt) current.endsAt = part.endsAt;
    } else {
      rounds.push({ startsAt: part.startsAt, endsAt: part.endsAt, parts: [part] });
    }
  }
  return rounds;
}

/** For each part's id, the other parts of its round (empty for a part overlapping nothing). */
export function roundMatesOf<T extends Span & { id: string }>(parts: readonly T[]): Map<string, T[]> {
  const mates = new Map<string, T[]>();
  for (const round of roundsOf(parts)) {
    for (const part of round.parts) {
      mates.set(
        part.id,
        round.parts.filter((other) => other.id !== part.id),
      );
    }
  }
  return mates;
}
