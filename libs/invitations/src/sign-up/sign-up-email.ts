import { singleLine } from '@app/calendar';
import { Event, Locale } from '@app/planning';
import {
  emailButton,
  emailHeading,
  emailParagraph,
  formatSpan,
  html,
  linkEmail,
  messagesFor,
  RenderedMessage,
} from '@app/presentation';

export interface SignUpEmailContent {
  language: Locale;
  name: string;
  event: Pick<Event, 'title' | 'startsAt' | 'startZone' | 'endsAt' | 'endZone' | 'allDay'>;
  url: string;
}

export type RenderedSignUpEmail = RenderedMessage;

/**
 * The email that confirms a sign-up, in the language chosen on the form, HTML with a plain-text
 * twin. The time is the venue's: the person's own zone is not known before they confirm.
 */
export function renderSignUpEmail(content: SignUpEmailContent): RenderedSignUpEmail {
  const messages = messagesFor(content.language);
  const { t } = messages;
  const title = singleLine(content.event.title);
  const subject = singleLine(t('signUp.emailSubject', { title }));
  const greeting = t('common.greeting', { name: singleLine(content.name) });
  const intro = t('signUp.emailIntro', { title, when: formatSpan(content.event, messages.intlLocale) });
  const body = html`${emailHeading(subject)}${emailParagraph(`${greeting} ${intro}`)}${emailButton(
    content.url,
    t('signUp.emailButton'),
  )}${emailParagraph(t('signUp.emailIgnore'), 'muted')}`;
  return linkEmail({
    language: messages.language,
    subject,
    preview: intro,
    body,
    paragraphs: [
      `${greeting} ${intro}`,
      `${t('signUp.emailButton')}: ${content.url}`,
      t('signUp.emailIgnore'),
    ],
    footer: t('email.footer'),
  });
}
