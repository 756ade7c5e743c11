import { formatDay, hostLine, messagesFor } from '@app/presentation';
import type { FeedRow } from './feed-queries';

/**
 * A personal feed's entry with its hosting in the description, in the person's language: a
 * guest reads who picks them up or hosts them, a host whom they host and when.
 */
export function withHosting(row: FeedRow): FeedRow {
  if (!row.hosting?.length) return row;
  const messages = messagesFor(row.locale);
  const lines = row.hosting.map((host) => {
    const name = host.asHost ? messages.t('hostSchedule.guest', { name: host.name }) : host.name;
    const line = hostLine(messages, { ...host, name });
    return host.night
      ? `${messages.t('hostSchedule.night', { date: formatDay(host.night, messages.intlLocale) })}: ${line}`
      : line;
  });
  return { ...row, description: [row.description.trim(), ...lines].filter(Boolean).join('\n\n') };
}
