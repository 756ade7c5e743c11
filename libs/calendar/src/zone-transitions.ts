import { IANAZone } from 'luxon';

/** A change of a zone's UTC offset: at `at` (epoch ms) the offset goes from `from` to `to`. */
export interface ZoneTransition {
  at: number;
  /** Offsets in minutes east of UTC; fractional for local mean times with seconds. */
  from: number;
  to: number;
}

const SECOND_MS = 1000;
const DAY_MS = 24 * 60 * 60 * SECOND_MS;
/**
 * How far apart the offsets are sampled. A zone that changed its offset and back within a week
 * would be missed; compared with daily samples for all 418 zones from 1990 to 2030 (Node 24,
 * tzdata 2026c), none is.
 */
const SAMPLE_MS = 7 * DAY_MS;
/** Longer than any repeated stretch of wall-clock time in the tz database (a whole day). */
const REPEAT_REACH_MS = 2 * DAY_MS;

const zones = new Map<string, IANAZone | null>();
const transitionsByZone = new Map<string, Map<number, ZoneTransition[]>>();

/** luxon's zone (which reads the offsets from Intl), or null for a name the runtime does not know. */
export function knownZone(zone: string): IANAZone | null {
  let found = zones.get(zone);
  if (found === undefined) {
    found = IANAZone.isValidZone(zone) ? IANAZone.create(zone) : null;
    zones.set(zone, found);
  }
  return found;
}

/** The first millisecond of a UTC year; Date.UTC would read years 0–99 as 1900–1999. */
export function startOfUtcYear(year: number): number {
  return new Date(0).setUTCFullYear(year, 0, 1);
}

/**
 * The offset changes of a zone within the UTC year, from the IANA data of the runtime (the tzdata
 * inside Node's ICU, through Intl), so they are the rules the rest of the application computes
 * wall times with, including rules changed after any data we could bundle. Found by sampling the
 * offset weekly and narrowing each change down to the second.
 */
export function transitionsInYear(zone: string, year: number): ZoneTransition[] {
  const rules = knownZone(zone);
  if (!rules) return [];
  let years = transitionsByZone.get(zone);
  if (!years) transitionsByZone.set(zone, (years = new Map<number, ZoneTransition[]>()));
  let found = years.get(year);
  if (found) return found;
  found = [];
  const end = startOfUtcYear(year + 1);
  let before = startOfUtcYear(year) - 1;
  let offsetBefore = rules.offset(before);
  while (before < end - 1) {
    const after = Math.min(before + SAMPLE_MS, end - 1);
    const offsetAfter = rules.offset(after);
    if (offsetAfter !== offsetBefore) {
      found.push(narrowDown(rules, before, after, offsetBefore));
    }
    before = after;
    offsetBefore = offsetAfter;
  }
  years.set(year, found);
  return found;
}

/** The one change between `before` (offset `from`) and `after`, to the second. */
function narrowDown(rules: IANAZone, before: number, after: number, from: number): ZoneTransition {
  let low = before;
  let high = after;
  while (high - low > SECOND_MS) {
    const middle = Math.floor((low + high) / 2);
    if (rules.offset(middle) === from) low = middle;
    else high = middle;
  }
  // Transitions fall on whole seconds: the first second with the new offset.
  const at = Math.ceil((low + 1) / SECOND_MS) * SECOND_MS;
  return { at, from, to: rules.offset(at) };
}

/** All offset changes in the UTC years `first` to `last`, in order. */
export function transitionsBetween(zone: string, first: number, last: number): ZoneTransition[] {
  const all: ZoneTransition[] = [];
  for (let year = first; year <= last; year++) all.push(...transitionsInYear(zone, year));
  return all;
}

/**
 * Whether the instant's wall-clock time in the zone names another instant as well, because the
 * clocks went back over it (either occurrence of the repeated hour, or day).
 */
export function isRepeatedWallTime(zone: string, at: number): boolean {
  const firstYear = new Date(at - REPEAT_REACH_MS).getUTCFullYear();
  const lastYear = new Date(at + REPEAT_REACH_MS).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const transition of transitionsInYear(zone, year)) {
      const repeated = (transition.from - transition.to) * 60_000;
      if (repeated > 0 && at >= transition.at - repeated && at < transition.at + repeated) return true;
    }
  }
  return false;
}
