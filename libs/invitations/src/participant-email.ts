import {
  emailButton,
  emailDocument,
  emailHeading,
  emailParagraph,
  html,
  Messages,
  messagesFor,
  SafeHtml,
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

/** What an email says between greeting and closing line, as HTML and as plain-text paragraphs. */
interface EmailMiddle {
  subject: string;
  intro: string;
  html: SafeHtml;
  text: string[];
}

/** A participant's feed link or programme links, in their language, HTML with a plain-text twin. */
export function renderParticipantEmail(content: ParticipantEmailContent): RenderedParticipantEmail {
  const messages = messagesFor(content.language);
  const { t } = messages;
  const greeting = t('common.greeting', { name: content.recipientName });
  const footer = t('email.footer');
  const middle =
    content.kind === 'feed_link' ? feedLinkMiddle(content, messages) : linksMiddle(content, messages);
  const ignore = t('participantEmail.ignore');
  const body = html`${emailHeading(middle.subject)}${emailParagraph(greeting)}${emailParagraph(middle.intro)}${
    middle.html
  }${emailParagraph(ignore, 'muted')}`;
  return {
    subject: middle.subject,
    text: [greeting, middle.intro, ...middle.text, ignore, '-- ', footer].join('\n\n'),
    html: emailDocument({
      language: messages.language,
      title: middle.subject,
      preview: middle.intro,
      body,
      footer,
    }),
  };
}

function feedLinkMiddle(
  content: Extract<ParticipantEmailContent, { kind: 'feed_link' }>,
  { t }: Messages,
): EmailMiddle {
  return {
    subject: t('participantEmail.feedSubject'),
    intro: t('participantEmail.feedIntro'),
    html: html`${emailButton(content.webcalUrl, t('participantEmail.subscribe'))}${emailParagraph(
      t('participantEmail.feedAddress'),
    )}${emailParagraph(content.feedUrl)}${emailParagraph(t('participantEmail.feedPrivate'), 'muted')}`,
    text: [
      `${t('participantEmail.subscribe')}: ${content.webcalUrl}`,
      `${t('participantEmail.feedAddress')} ${content.feedUrl}`,
      t('participantEmail.feedPrivate'),
    ],
  };
}

function linksMiddle(
  content: Extract<ParticipantEmailContent, { kind: 'programme_links' }>,
  { t }: Messages,
): EmailMiddle {
  return {
    subject: t('participantEmail.linksSubject'),
    intro: t('participantEmail.linksIntro'),
    html: html`${content.links.map(
      (link) =>
        html`${emailParagraph(html`<strong>${link.host}</strong>: ${link.titles.join(', ')}`)}${emailButton(
          link.url,
          t('participantEmail.openProgramme'),
        )}`,
    )}`,
    text: content.links.map(
      (link) =>
        `${link.host}: ${link.titles.join(', ')}\n${t('participantEmail.openProgramme')}: ${link.url}`,
    ),
  };
}
