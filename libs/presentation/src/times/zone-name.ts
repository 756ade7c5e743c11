/**
 * A time zone as people recognise it: the city of its IANA name and its abbreviation, e.g.
 * "Dar es Salaam (EAT)", "Berlin (MESZ/CEST)" for German readers, "Chicago (CDT)". Readers in
 * another country know the English abbreviation, so it follows the local one when they differ.
 */
export function zoneName(zone: string, at: Date, intlLocale: string): string {
  const local = abbreviation(zone, at, intlLocale);
  const international = internationalAbbreviation(zone, at);
  const names = [...new Set([local, international].filter((name): name is string => name !== null))];
  const label = names.length > 0 ? names.join('/') : offsetName(zone, at);
  const city = cityOf(zone);
  return city ? `${city} (${label})` : label;
}

/** "Africa/Dar_es_Salaam" → "Dar es Salaam"; zones that name no place (UTC) → null. */
function cityOf(zone: string): string | null {
  if (!zone.includes('/') || zone.startsWith('Etc/')) return null;
  return zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
}

/** Intl's short name where the locale has one; "GMT+3" and the like are offsets, not names. */
function abbreviation(zone: string, at: Date, intlLocale: string): string | null {
  const name = zonePart(zone, at, intlLocale, 'short');
  return /^(GMT|UTC)\s?[+-−]/.test(name) ? null : name;
}

/**
 * CLDR gives English abbreviations only where a country uses them (CEST in Britain, CDT in the
 * US) and none for East Africa. Otherwise the English abbreviation is the initials of the English
 * name ("East Africa Time" → EAT), which is how those abbreviations were coined.
 */
function internationalAbbreviation(zone: string, at: Date): string | null {
  const known = abbreviation(zone, at, 'en-GB') ?? abbreviation(zone, at, 'en-US');
  if (known) return known;
  const long = zonePart(zone, at, 'en-GB', 'long');
  if (/\d/.test(long)) return null;
  return long
    .split(/\s+/)
    .map((word) => word[0])
    .join('')
    .toUpperCase();
}

function offsetName(zone: string, at: Date): string {
  return zonePart(zone, at, 'en-GB', 'shortOffset').replace(/^GMT/, 'UTC');
}

const formats = new Map<string, Intl.DateTimeFormat>();

function zonePart(
  zone: string,
  at: Date,
  intlLocale: string,
  style: 'short' | 'long' | 'shortOffset',
): string {
  const key = `${zone}|${intlLocale}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale, { timeZone: zone, timeZoneName: style });
    formats.set(key, format);
  }
  return format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? zone;
}
