import { MAX_PAGE, PublicProgrammeFilter } from '@app/public-programme';
import { isEventKind } from './public-calendar.page';

export type PageQuery = Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

/** The page's filters, read leniently: what cannot be understood is left out, never refused. */
export function pageFilterOf(query: PageQuery): PublicProgrammeFilter {
  const kind = single(query.kind);
  const organisation = single(query.organisation);
  const partnership = single(query.partnership);
  const tag = single(query.tag);
  const text = single(query.q);
  const [from, to] = [calendarDate(single(query.from)), calendarDate(single(query.to))];
  const reversed = from && to && to < from;
  return {
    kind: kind && isEventKind(kind) ? kind : undefined,
    organisationCode: organisation && /^[A-Za-z0-9_-]{1,32}$/.test(organisation) ? organisation : undefined,
    partnershipId: partnership && UUID.test(partnership) ? partnership.toLowerCase() : undefined,
    tag: tag && tag.length <= 60 ? tag : undefined,
    text: text ? text.slice(0, 200) : undefined,
    from: reversed ? to : from,
    to: reversed ? from : to,
  };
}

export function pageNumberOf(query: PageQuery): number {
  const page = Number(single(query.page) ?? '1');
  return Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
}

/** A real calendar date as YYYY-MM-DD, or undefined. */
function calendarDate(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}
