import { knownZone, startOfUtcYear, transitionsBetween, ZoneTransition } from './zone-transitions';

/** The UTC years a zone's times lie in, which its VTIMEZONE has to describe. */
export interface YearSpan {
  first: number;
  last: number;
}

/** VTIMEZONEs asked for before; a feed asks for the same zones and years again and again. */
const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, string | null>();

/**
 * The VTIMEZONE component of an IANA zone for times in the given years, generated from the
 * runtime's own IANA data (see transitionsInYear): the zone keeps its name, and a reader that
 * resolves TZID through the VTIMEZONE, as RFC 5545 asks, gets the offsets Intl and luxon compute.
 * It covers the year before and after as well, so that each rule still in force shows up as a
 * yearly RRULE; rules that ended and one-off changes are written with UNTIL or as single dates.
 * Null for a zone the runtime does not know.
 */
export function vtimezoneOf(zone: string, years: YearSpan): string | null {
  const key = `${zone} ${years.first} ${years.last}`;
  let block = remembered.get(key);
  if (block === undefined) {
    block = knownZone(zone) ? generate(zone, years.first - 1, years.last + 1) : null;
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, block);
  }
  return block;
}

interface Observance {
  daylight: boolean;
  from: number;
  to: number;
  /** Epoch ms of each onset, in order. */
  onsets: number[];
  /** Set when the onsets follow a yearly rule. */
  rule?: YearlyRule;
}

interface YearlyRule {
  month: number;
  /** BYDAY, e.g. -1SU or 2SU. */
  day: string;
  /** Whether the rule is still in force at the end of the covered years. */
  ongoing: boolean;
}

function generate(zone: string, firstYear: number, lastYear: number): string {
  const rules = knownZone(zone)!;
  const start = startOfUtcYear(firstYear);
  const offset = rules.offset(start);
  const lines = [`BEGIN:VTIMEZONE`, `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  // The offset in force where the covered years begin, as an observance without a change.
  lines.push(
    ...component({ daylight: isDaylight(zone, start, offset), from: offset, to: offset, onsets: [start] }),
  );
  for (const observance of observances(zone, transitionsBetween(zone, firstYear, lastYear), lastYear)) {
    lines.push(...component(observance));
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/**
 * Transitions grouped into observances: each run of yearly onsets that follow one rule (the
 * same month, weekday, week of the month and wall time) becomes one observance with an RRULE;
 * the remaining onsets with the same offsets share one observance with RDATEs.
 */
function observances(zone: string, transitions: ZoneTransition[], lastYear: number): Observance[] {
  const groups = new Map<string, ZoneTransition[]>();
  for (const transition of transitions) {
    const key = `${transition.from} ${transition.to}`;
    const group = groups.get(key);
    if (group) group.push(transition);
    else groups.set(key, [transition]);
  }
  const found: Observance[] = [];
  for (const group of groups.values()) {
    const { from, to } = group[0];
    const daylight = isDaylight(zone, group[0].at, to);
    const single: number[] = [];
    for (const run of yearlyRuns(group)) {
      const onsets = run.transitions.map((transition) => transition.at);
      if (onsets.length < 2) {
        single.push(...onsets);
        continue;
      }
      found.push({ daylight, from, to, onsets, rule: { ...run.rule, ongoing: run.year === lastYear } });
    }
    if (single.length > 0) found.push({ daylight, from, to, onsets: single });
  }
  return found.sort((a, b) => a.onsets[0] - b.onsets[0]);
}

interface Run {
  transitions: ZoneTransition[];
  rule: Omit<YearlyRule, 'ongoing'>;
  /** The wall-clock year of the last onset. */
  year: number;
}

/** Maximal runs of onsets in consecutive years that one yearly rule describes. */
function yearlyRuns(group: ZoneTransition[]): Run[] {
  const runs: Array<Run & { candidates: string[] }> = [];
  for (const transition of group) {
    const wall = new Date(transition.at + transition.from * 60_000);
    const { month, candidates } = ruleCandidates(wall);
    const current = runs[runs.length - 1];
    const shared = current?.candidates.filter((candidate) => candidates.includes(candidate)) ?? [];
    if (
      current &&
      current.year === wall.getUTCFullYear() - 1 &&
      current.rule.month === month &&
      shared.length > 0
    ) {
      current.transitions.push(transition);
      current.candidates = shared;
      current.year = wall.getUTCFullYear();
    } else {
      runs.push({
        transitions: [transition],
        rule: { month, day: '' },
        candidates,
        year: wall.getUTCFullYear(),
      });
    }
  }
  // Where both the fourth and the last weekday fit every onset of a run, the last one is taken:
  // it is the rule the tz database uses for such dates (lastSun).
  return runs.map(({ transitions, rule, candidates, year }) => ({
    transitions,
    year,
    rule: { ...rule, day: candidates.find((candidate) => candidate.startsWith('-1')) ?? candidates[0] },
  }));
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * The BYDAY values (with the wall time, which must match too) that name this wall-clock day in
 * its month: the n-th weekday, and the last one when it is.
 */
function ruleCandidates(wall: Date): { month: number; candidates: string[] } {
  const day = wall.getUTCDate();
  const weekday = WEEKDAYS[wall.getUTCDay()];
  const time = wall.toISOString().slice(11, 19);
  const month = wall.getUTCMonth() + 1;
  const daysInMonth = new Date(new Date(0).setUTCFullYear(wall.getUTCFullYear(), month, 0)).getUTCDate();
  const candidates: string[] = [];
  if (day <= 28) candidates.push(`${Math.ceil(day / 7)}${weekday} ${time}`);
  if (day + 7 > daysInMonth) candidates.push(`-1${weekday} ${time}`);
  return { month, candidates };
}

/**
 * STANDARD or DAYLIGHT: whether the offset lies above the lower of the year's January and July
 * offsets. Intl does not say which offsets are daylight saving; readers take the instants from
 * the offsets alone, so the label only names the observance.
 */
function isDaylight(zone: string, at: number, offset: number): boolean {
  const rules = knownZone(zone)!;
  const year = new Date(at).getUTCFullYear();
  const january = rules.offset(startOfUtcYear(year) + 14 * 24 * 3_600_000);
  const july = rules.offset(new Date(0).setUTCFullYear(year, 6, 15));
  return offset > Math.min(january, july);
}

function component(observance: Observance): string[] {
  const kind = observance.daylight ? 'DAYLIGHT' : 'STANDARD';
  const [first, ...others] = observance.onsets;
  const lines = [
    `BEGIN:${kind}`,
    `TZOFFSETFROM:${utcOffset(observance.from)}`,
    `TZOFFSETTO:${utcOffset(observance.to)}`,
    `DTSTART:${localTime(first, observance.from)}`,
  ];
  const rule = observance.rule;
  if (rule) {
    const last = observance.onsets[observance.onsets.length - 1];
    const until = rule.ongoing ? '' : `;UNTIL=${utcTime(last)}`;
    lines.push(`RRULE:FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.day.split(' ')[0]}${until}`);
  } else if (others.length > 0) {
    // DTSTART is an onset too, but ical.js reads only the RDATEs where there are any: it is
    // listed again, which RFC 5545 allows (a recurrence set has each time once).
    for (const onset of observance.onsets) lines.push(`RDATE:${localTime(onset, observance.from)}`);
  }
  lines.push(`END:${kind}`);
  return lines;
}

/** The wall-clock time before the change, as DTSTART and RDATE of an observance take it. */
function localTime(at: number, offsetMinutes: number): string {
  return basicFormat(new Date(at + Math.round(offsetMinutes * 60) * 1000));
}

function utcTime(at: number): string {
  return `${basicFormat(new Date(at))}Z`;
}

function basicFormat(date: Date): string {
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`
  );
}

/** UTC-OFFSET of RFC 5545: ±hhmm, with seconds only where a local mean time has them. */
function utcOffset(minutes: number): string {
  const totalSeconds = Math.round(Math.abs(minutes) * 60);
  const hours = Math.floor(totalSeconds / 3600);
  const rest = totalSeconds % 3600;
  const pad = (value: number) => String(value).padStart(2, '0');
  const seconds = rest % 60 ? pad(rest % 60) : '';
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(hours)}${pad(Math.floor(rest / 60))}${seconds}`;
}
