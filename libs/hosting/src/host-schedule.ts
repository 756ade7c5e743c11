import { createHash } from 'node:crypto';
import { eventTextsIn, Person } from '@app/planning';
import {
  emailDocument,
  emailHeading,
  emailList,
  emailParagraph,
  formatDay,
  formatTimesOfDay,
  html,
  Messages,
  messagesFor,
} from '@app/presentation';
import { HostingPlan } from './hosting.service';
import { describeHost } from './itinerary';
import { dayAt } from './visit-nights';

/** One assignment of a host, as their schedule lists it. */
export interface ScheduleEntry {
  sortKey: string;
  when: string;
  what: string;
  detail: string;
}

/** A host's assignments for a visit, in time order, in their language. */
export function scheduleOf(
  plan: HostingPlan,
  host: Person,
  messages: Messages = messagesFor(host.locale),
): ScheduleEntry[] {
  const { t } = messages;
  const parts = new Map(plan.parts.map((part) => [part.id, part]));
  return plan.hosts
    .filter((assignment) => assignment.hostPersonId === host.id)
    .flatMap((assignment): ScheduleEntry[] => {
      const guest = t('hostSchedule.guest', { name: assignment.guestName });
      const detail = describeHost(messages, assignment, guest);
      if (assignment.night) {
        return [
          {
            sortKey: `${assignment.night}T12`,
            when: t('hostSchedule.night', { date: formatDay(assignment.night, messages.intlLocale) }),
            what: eventTextsIn(plan.visit, host.locale).title,
            detail,
          },
        ];
      }
      const part = assignment.partId ? parts.get(assignment.partId) : undefined;
      if (!part || part.status === 'cancelled') return [];
      return [
        {
          sortKey: part.startsAt.toISOString(),
          when: `${formatDay(dayAt(part.startsAt, part.startZone), messages.intlLocale)}, ${formatTimesOfDay(part, messages.intlLocale)}`,
          what: [eventTextsIn(part, host.locale).title, part.venueName].filter(Boolean).join(', '),
          detail,
        },
      ];
    })
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey));
}

/** What the schedule says, as a digest: a host is mailed again only when it changed. */
export function scheduleDigest(entries: ScheduleEntry[]): string {
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

export interface RenderedSchedule {
  subject: string;
  text: string;
  html: string;
}

/** The schedule email of a host with assignments, HTML with a plain-text twin. */
export function renderSchedule(plan: HostingPlan, host: Person, entries: ScheduleEntry[]): RenderedSchedule {
  const messages = messagesFor(host.locale);
  const { t } = messages;
  const visit = eventTextsIn(plan.visit, host.locale).title;
  const subject = t('hostSchedule.subject', { visit });
  const greeting = t('common.greeting', { name: host.name });
  const intro = t('hostSchedule.intro', { visit });
  const lines = entries.map((entry) => `${entry.when}: ${entry.what}. ${entry.detail}`);
  const footer = t('email.footer');
  const body = emailList(`${greeting} ${intro}`, lines);
  return {
    subject,
    text: [
      `${greeting} ${intro}`,
      ...lines.map((line) => `- ${line}`),
      t('hostSchedule.updated'),
      '--',
      footer,
    ].join('\n\n'),
    html: emailDocument({
      language: messages.language,
      title: subject,
      preview: intro,
      body: html`${emailHeading(subject)}${body}${emailParagraph(t('hostSchedule.updated'), 'muted')}`,
      footer,
    }),
  };
}
