import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { IANAZone } from 'luxon';

const DAY_MS = 24 * 60 * 60 * 1000;
const blocks = new Map<string, string | null>();
const trustedYears = new Map<string, boolean>();

/**
 * The VTIMEZONE component of an IANA zone, as @touch4it/ical-timezones generates it from the tz
 * database, with the zone's own name as TZID (links such as Africa/Dar_es_Salaam keep theirs).
 */
export function vtimezoneOf(zone: string): string | null {
  if (!blocks.has(zone)) blocks.set(zone, getVtimezoneComponent(zone)?.trim() ?? null);
  return blocks.get(zone) ?? null;
}

/**
 * Whether the zone's VTIMEZONE tells the same offsets as the IANA data Node runs on (and which
 * luxon used to read the organiser's wall times) throughout the given years. Zones whose rules
 * changed after the generator's data was built (Mexico dropped daylight saving in 2022) or that
 * it does not know (Europe/Kyiv) fail, and their times are then written in UTC: the right
 * instant without a zone label, rather than a zone label with the wrong offset.
 */
export function describesZoneIn(zone: string, instants: Date[]): boolean {
  const block = vtimezoneOf(zone);
  if (!block) return false;
  const years = new Set(instants.map((instant) => instant.getUTCFullYear()));
  for (const year of years) {
    const key = `${zone}:${year}`;
    if (!trustedYears.has(key)) trustedYears.set(key, sameOffsets(zone, block, year));
    if (!trustedYears.get(key)) return false;
  }
  return true;
}

function sameOffsets(zone: string, block: string, year: number): boolean {
  const declared = new Set([...block.matchAll(/^TZOFFSETTO:([+-]\d{4})\s*$/gm)].map((match) => match[1]));
  const iana = IANAZone.create(zone);
  const observed = new Set<string>();
  const start = Date.UTC(year, 0, 1, 12);
  for (let day = 0; day < 366; day++) {
    observed.add(asIcalOffset(iana.offset(start + day * DAY_MS)));
  }
  return observed.size === declared.size && [...observed].every((offset) => declared.has(offset));
}

function asIcalOffset(minutes: number): string {
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hours}${String(absolute % 60).padStart(2, '0')}`;
}
