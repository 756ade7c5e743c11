import {
  emailButton,
  emailDocument,
  emailHeading,
  emailParagraph,
  html,
  messagesFor,
} from '@app/presentation';

/** A programme page to link to: the host whose invitations it shows, and what they are. */
export interface ProgrammeLink {
  host: string;
  titles: string[];
  url: string;
}

export type ParticipantEmailContent =
  | { kind: 'feed_link'; language: string; recipientName: string; feedUrl: string; webcalUrl: string }
  | { kind: 'programme_links'; language: string; recipientName: string; links: ProgrammeLink[] };

export interface RenderedParticipantEmail {
  subject: string;
  text: string;
  html: string;
}

/** A participant's feed link or programme links, in their language, HTML with a plain-text twin. */
export function renderParticipantEmail(content: ParticipantEmailContent): RenderedParticipantEmail {
  const messages = messagesFor(content.language);
  const { t } = messages;
  const greeting = t('common.greeting', { name: content.recipientName });
  const footer = t('email.footer');
  if (content.kind === 'feed_link') {
    const subject = t('participantEmail.feedSubject');
    const intro = t('participantEmail.feedIntro');
    const body = html`${emailHeading(subject)}${emailParagraph(greeting)}${emailParagraph(intro)}${emailButton(
      content.webcalUrl,
      t('participantEmail.subscribe'),
    )}${emailParagraph(t('participantEmail.feedAddress'))}${emailParagraph(content.feedUrl)}${emailParagraph(
      t('participantEmail.feedPrivate'),
      'muted',
    )}${emailParagraph(t('participantEmail.ignore'), 'muted')}`;
    const text = [
      greeting,
      intro,
      `${t('participantEmail.subscribe')}: ${content.webcalUrl}`,
      `${t('participantEmail.feedAddress')} ${content.feedUrl}`,
      t('participantEmail.feedPrivate'),
      t('participantEmail.ignore'),
      '-- ',
      footer,
    ].join('\n\n');
    return {
      subject,
      text,
      html: emailDocument({ language: messages.language, title: subject, preview: intro, body, footer }),
    };
  }
  const subject = t('participantEmail.linksSubject');
  const intro = t('participantEmail.linksIntro');
  const body = html`${emailHeading(subject)}${emailParagraph(greeting)}${emailParagraph(intro)}${content.links.map(
    (link) =>
      html`${emailParagraph(html`<strong>${link.host}</strong>: ${link.titles.join(', ')}`)}${emailButton(
        link.url,
        t('participantEmail.openProgramme'),
      )}`,
  )}${emailParagraph(t('participantEmail.ignore'), 'muted')}`;
  const text = [
    greeting,
    intro,
    ...content.links.map(
      (link) =>
        `${link.host}: ${link.titles.join(', ')}\n${t('participantEmail.openProgramme')}: ${link.url}`,
    ),
    t('participantEmail.ignore'),
    '-- ',
    footer,
  ].join('\n\n');
  return {
    subject,
    text,
    html: emailDocument({ language: messages.language, title: subject, preview: intro, body, footer }),
  };
}
