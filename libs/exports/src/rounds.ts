/** Something with a start and an end, such as a workshop. */
export interface Timed {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Parts that overlap in time, directly or through one another, as one round each: the parallel
 * workshops a person picks one of. Rounds in start order, each round's parts in start order.
 */
export function roundsOf<Part extends Timed>(parts: readonly Part[]): Part[][] {
  const sorted = [...parts].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.endsAt.getTime() - b.endsAt.getTime(),
  );
  const rounds: Part[][] = [];
  let roundEnd = -Infinity;
  for (const part of sorted) {
    if (part.startsAt.getTime() >= roundEnd) rounds.push([]);
    rounds[rounds.length - 1].push(part);
    roundEnd = Math.max(roundEnd, part.endsAt.getTime());
  }
  return rounds;
}
