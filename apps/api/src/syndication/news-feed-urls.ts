import { PublicFeedFilter } from '@app/feeds';
import { PageLanguage } from '../public-calendar/page-text';

/** RSS 2.0 and Atom of the same filter as a calendar page, with its language. */
export function newsFeedUrls(
  base: string,
  filter: PublicFeedFilter,
  language: PageLanguage,
): { rss: string; atom: string } {
  const query = new URLSearchParams({ lang: language });
  if (filter.kinds?.length) query.set('kind', filter.kinds.join(','));
  if (filter.tag) query.set('tag', filter.tag);
  if (filter.organisationCode) query.set('organisation', filter.organisationCode.toLowerCase());
  if (filter.q) query.set('q', filter.q);
  return { rss: `${base}/feeds/public.rss?${query}`, atom: `${base}/feeds/public.atom?${query}` };
}
