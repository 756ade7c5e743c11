import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { httpConfig } from '@app/config';
import { PublicFeedFilter } from './feed-scope';
import { eventPageUrl } from './public-urls';

/** How a feed is offered: the same address for browsers and for calendar apps. */
export interface FeedLink {
  /** https (in production) URL: for download and for clients that subscribe by URL. */
  url: string;
  /** The same feed as webcal://, which opens the subscribe dialog of the calendar app. */
  webcal: string;
  /** Google Calendar's "add by URL" page with this feed filled in. */
  googleCalendar: string;
}

/**
 * Every public URL is built from PUBLIC_BASE_URL, never from the request's Host header, which a
 * client chooses and which would otherwise end up in links handed to others.
 */
@Injectable()
export class FeedLinks {
  private readonly base: string;

  constructor(@Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>) {
    this.base = http.publicBaseUrl;
  }

  event(eventId: string): FeedLink {
    return this.link(`/feeds/events/${eventId}.ics`);
  }

  organisation(code: string): FeedLink {
    return this.link(`/feeds/organisations/${encodeURIComponent(code.toLowerCase())}.ics`);
  }

  partnership(partnershipId: string): FeedLink {
    return this.link(`/feeds/partnerships/${partnershipId}.ics`);
  }

  personal(token: string): FeedLink {
    return this.link(`/feeds/personal/${token}.ics`);
  }

  public(filter: PublicFeedFilter = {}): FeedLink {
    const query = new URLSearchParams();
    if (filter.kinds?.length) query.set('kind', filter.kinds.join(','));
    if (filter.tag) query.set('tag', filter.tag);
    if (filter.organisationCode) query.set('organisation', filter.organisationCode.toLowerCase());
    if (filter.q) query.set('q', filter.q);
    const search = query.toString();
    return this.link(`/feeds/public.ics${search ? `?${search}` : ''}`);
  }

  /** The event's page in the public calendar. */
  eventPage(eventId: string): string {
    return eventPageUrl(this.base, eventId);
  }

  calendarPage(): string {
    return `${this.base}/calendar`;
  }

  private link(path: string): FeedLink {
    const url = `${this.base}${path}`;
    const webcal = url.replace(/^https?:/, 'webcal:');
    return {
      url,
      webcal,
      googleCalendar: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    };
  }
}

/**
 * Outlook on the web's "add from web" page with this feed filled in. Not part of FeedLink, whose
 * shape the API publishes; the console's subscribe buttons ask for it.
 */
export function outlookSubscribeUrl(feed: FeedLink): string {
  return `https://outlook.office.com/calendar/0/addfromweb?url=${encodeURIComponent(feed.url)}`;
}
