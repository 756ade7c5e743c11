import { Feed } from 'feed';
import { eventPageUrl } from '@app/feeds';
import { formatSpan, Language, messagesFor } from '@app/presentation';
import { PublicEvent } from '@app/public-programme';

export interface NewsFeedView {
  language: Language;
  base: string;
  /** The calendar page with the same filter: the feed's home. */
  pageUrl: string;
  urls: { rss: string; atom: string };
  events: PublicEvent[];
}

/**
 * Upcoming events for feed readers and the city's other channels. Each entry says when and where
 * before the description, as readers show the summary first; its date is its last change, so an
 * entry that moved or was cancelled rises again.
 */
export function newsFeed(view: NewsFeedView): Feed {
  const messages = messagesFor(view.language);
  const { t } = messages;
  const updated = view.events.reduce<Date | null>(
    (latest, event) => (!latest || event.updatedAt > latest ? event.updatedAt : latest),
    null,
  );
  const feed = new Feed({
    title: t('calendar.feedTitle'),
    description: t('calendar.feedDescription'),
    id: view.pageUrl,
    link: view.pageUrl,
    language: view.language,
    updated: updated ?? new Date(0),
    generator: 'Treffpunkt',
    copyright: '',
    feedLinks: { rss: view.urls.rss, atom: view.urls.atom },
  });
  for (const event of view.events) {
    const url = `${eventPageUrl(view.base, event.id)}?lang=${view.language}`;
    const place = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
    const summary = [formatSpan(event, messages.intlLocale), place, event.hostName]
      .filter(Boolean)
      .join(' · ');
    feed.addItem({
      title: event.status === 'cancelled' ? `${t('common.cancelled')}: ${event.title}` : event.title,
      id: url,
      link: url,
      description: event.description ? `${summary}\n\n${event.description}` : summary,
      date: event.updatedAt,
      published: event.createdAt,
      category: event.tags.map((tag) => ({ name: tag })),
    });
  }
  return feed;
}
