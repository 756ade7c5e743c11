import { Language } from '@app/presentation';
import { PublicProgrammeFilter } from '@app/public-programme';

/** RSS 2.0 and Atom of the same filter as a calendar page, with its language. */
export function newsFeedUrls(
  base: string,
  filter: PublicProgrammeFilter,
  language: Language,
): { rss: string; atom: string } {
  const query = new URLSearchParams({ lang: language });
  if (filter.kind) query.set('kind', filter.kind);
  if (filter.tag) query.set('tag', filter.tag);
  if (filter.organisationCode) query.set('organisation', filter.organisationCode.toLowerCase());
  if (filter.partnershipId) query.set('partnership', filter.partnershipId);
  if (filter.text) query.set('q', filter.text);
  return { rss: `${base}/feeds/public.rss?${query}`, atom: `${base}/feeds/public.atom?${query}` };
}
