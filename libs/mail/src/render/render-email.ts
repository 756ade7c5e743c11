import { singleLine } from '@app/calendar';
import {
  describeWhen,
  emailButton,
  emailDocument,
  EmailFact,
  emailFacts,
  emailHeading,
  emailList,
  emailParagraph,
  html,
  isWebLink,
  Messages,
  messagesFor,
  paragraphs,
  SafeHtml,
  startDate,
} from '@app/presentation';
import { ANSWERABLE_KINDS } from '@app/emails';
import { EmailContent, RenderedEmail } from './email-content';

const PARTICIPATION = {
  'NEEDS-ACTION': 'answers.none',
  ACCEPTED: 'answers.accept',
  TENTATIVE: 'answers.tentative',
  DECLINED: 'answers.decline',
} as const;

/** What one email says, before it becomes HTML and plain text: both parts read the same. */
interface Body {
  title: string;
  greeting: string;
  intro: string;
  /** Says that the texts are in their original language, when they are not in the reader's. */
  languageNote: string | null;
  facts: EmailFact[];
  programme: { heading: string; items: string[] } | null;
  description: string;
  answer: { prompt: string | null; button: string; url: string } | null;
  myProgramme: { text: string; url: string } | null;
  calendarNote: string;
  footer: string;
}

/**
 * An email as HTML with a plain-text twin, in the recipient's language and zone. The body itself
 * carries the essentials (what, when, where, the link), since Outlook shows the body and not the
 * calendar attachment's description.
 */
export function renderEmail(content: EmailContent): RenderedEmail {
  const messages = messagesFor(content.recipient.locale);
  const { t } = messages;
  const { event, parentEvent } = content;
  const title = singleLine(
    parentEvent ? t('email.partOf', { title: event.title, parent: parentEvent.title }) : event.title,
  );
  const subject = singleLine(
    `${t(`email.subject.${content.kind}`, { title })} – ${startDate(event, messages.intlLocale, content.recipient.timeZone)}`,
  );
  const participationOnly = content.kind === 'cancellation' && event.status !== 'cancelled';
  const body: Body = {
    title,
    greeting: t('common.greeting', { name: singleLine(content.recipient.name) }),
    intro: participationOnly
      ? t('email.participationCancelled', { title })
      : t(`email.intro.${content.kind}`, { title }),
    languageNote: event.languageNote ?? null,
    facts: factsOf(content, messages),
    programme: programmeOf(content, messages),
    description: event.description.trim(),
    answer: answerOf(content, messages),
    myProgramme: content.programmeUrl ? { text: t('email.myProgramme'), url: content.programmeUrl } : null,
    calendarNote: t(content.kind === 'cancellation' ? 'email.cancelCalendarNote' : 'email.calendarNote'),
    footer: t('email.footer'),
  };
  return {
    subject,
    text: plainText(body),
    html: emailDocument({
      language: messages.language,
      title: subject,
      preview: body.intro,
      body: htmlBody(body),
      footer: body.footer,
    }),
  };
}

function factsOf(content: EmailContent, messages: Messages): EmailFact[] {
  const { t } = messages;
  const { event } = content;
  const facts: EmailFact[] = describeWhen(event, messages.intlLocale, content.recipient.timeZone).map(
    (line) => ({ label: t(line.label), text: line.text }),
  );
  const place = [event.venueName, event.venueAddress].filter((part): part is string => !!part).join(', ');
  if (place) facts.push({ label: t('common.where'), text: place });
  if (event.venueNotes) facts.push({ label: t('common.venueNotes'), text: event.venueNotes });
  if (event.onlineUrl) {
    facts.push({
      label: t('common.online'),
      text: event.onlineUrl,
      ...(isWebLink(event.onlineUrl) ? { href: event.onlineUrl } : {}),
    });
  }
  if (content.kind === 'reminder' || content.kind === 'update') {
    facts.push({ label: t('common.yourAnswer'), text: t(PARTICIPATION[content.participation]) });
  }
  return facts;
}

/**
 * The parts a cancellation took along (those of the person's programme now cancelled), or the
 * whole programme in an update, each with its time in the reader's zone.
 */
function programmeOf(content: EmailContent, messages: Messages): Body['programme'] {
  const { t } = messages;
  const cancellation = content.kind === 'cancellation';
  const shown = cancellation
    ? content.parts.filter((part) => part.event.status === 'cancelled')
    : content.parts;
  if (shown.length === 0) return null;
  return {
    heading: t(cancellation ? 'email.partsCancelled' : 'email.programme'),
    items: shown.map((part) => {
      const marks = [
        !cancellation && part.event.status === 'cancelled' ? t('email.partCancelledMark') : null,
        part.waitlisted ? t('email.partWaitlistedMark') : null,
      ].filter((mark): mark is string => mark !== null);
      const when = describeWhen(part.event, messages.intlLocale, content.recipient.timeZone)[0].text;
      return `${singleLine(part.event.title)} – ${when}${marks.length ? ` (${marks.join(', ')})` : ''}`;
    }),
  };
}

function answerOf(content: EmailContent, { t }: Messages): Body['answer'] {
  if (!content.answerUrl || !ANSWERABLE_KINDS.includes(content.kind)) return null;
  const answered = content.participation !== 'NEEDS-ACTION';
  return {
    prompt: answered ? null : t('email.answerPrompt'),
    button: t(answered ? 'email.changeAnswerButton' : 'email.answerButton'),
    url: content.answerUrl,
  };
}

function plainText(body: Body): string {
  const lines = [body.greeting, '', body.intro, ''];
  if (body.languageNote) lines.push(body.languageNote, '');
  for (const fact of body.facts) lines.push(`${fact.label}: ${fact.text}`);
  if (body.programme) {
    lines.push('', body.programme.heading);
    for (const item of body.programme.items) lines.push(`- ${item}`);
  }
  if (body.description) lines.push('', body.description);
  if (body.answer) {
    lines.push('');
    if (body.answer.prompt) lines.push(body.answer.prompt);
    lines.push(`${body.answer.button}: ${body.answer.url}`);
  }
  if (body.myProgramme) lines.push('', `${body.myProgramme.text}: ${body.myProgramme.url}`);
  lines.push('', body.calendarNote, '', '-- ', body.footer);
  return `${lines.join('\n')}\n`;
}

function htmlBody(body: Body): SafeHtml {
  return html`${emailParagraph(body.greeting)}${emailParagraph(body.intro)}${emailHeading(body.title)}${
    body.languageNote ? emailParagraph(body.languageNote, 'muted') : null
  }${emailFacts(body.facts)}${
    body.programme ? emailList(body.programme.heading, body.programme.items) : null
  }${body.description ? paragraphs(body.description, 'margin:0 0 16px;') : null}${
    body.answer
      ? html`${body.answer.prompt ? emailParagraph(body.answer.prompt) : null}${emailButton(body.answer.url, body.answer.button)}`
      : null
  }${
    body.myProgramme
      ? emailParagraph(html`<a href="${body.myProgramme.url}">${body.myProgramme.text}</a>`)
      : null
  }${emailParagraph(body.calendarNote, 'muted')}`;
}
