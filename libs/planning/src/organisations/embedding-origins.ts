import { PlanningError } from '../shared/planning.error';

/** Enough for a city's site, its staging copy and a few partner portals; a longer list is a mistake. */
export const MAX_EMBEDDING_ORIGINS = 20;
const MAX_ORIGIN_LENGTH = 200;

/**
 * The origins as browsers send them in Origin and as CSP's frame-ancestors matches them: scheme,
 * host and port, nothing else. A trailing slash is forgiven (people copy URLs from the address
 * bar); a path, a query, credentials or a wildcard are refused, because the origin would then
 * allow more or other than what the admin wrote.
 */
export function normaliseEmbeddingOrigins(origins: readonly string[]): string[] {
  if (origins.length > MAX_EMBEDDING_ORIGINS) {
    throw PlanningError.invalid('origins', `At most ${MAX_EMBEDDING_ORIGINS} origins may embed a calendar.`);
  }
  const normalised = origins.map((origin, index) => normaliseOrigin(origin, `origins[${index}]`));
  return [...new Set(normalised)].sort();
}

function normaliseOrigin(text: string, field: string): string {
  const refuse = (why: string) =>
    PlanningError.invalid(
      field,
      `${JSON.stringify(text.slice(0, MAX_ORIGIN_LENGTH))} is not an origin: ${why}.`,
    );
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_ORIGIN_LENGTH) {
    throw refuse(`write it as https://www.example.org, with at most ${MAX_ORIGIN_LENGTH} characters`);
  }
  if (trimmed.includes('*')) throw refuse('wildcards are not allowed; list each origin');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw refuse('write it as https://www.example.org');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw refuse('only http and https sites can embed');
  if (url.username || url.password) throw refuse('it must not contain a user name or password');
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(trimmed)) {
    throw refuse('only scheme, host and port, without a path, query or fragment');
  }
  return url.origin;
}
