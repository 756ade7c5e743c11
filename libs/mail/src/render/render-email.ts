import { EmailContent, RenderedEmail } from './email-content';
import { describeWhen, startDate, TimeLine } from './event-times';
import { escapeHtml, paragraphs } from './html';
import { fill, MailLocale, MailTexts, textsFor } from './texts';

/** Kinds that invite an answer: the body links to the answer page. */
const ANSWERABLE = new Set(['invitation', 'update', 'reminder', 'waitlist_promotion']);

interface Fact {
  label: string;
  text: string;
  href?: string;
}

/**
 * An email as HTML with a plain-text twin, in the recipient's language and zone. The body itself
 * carries the essentials (what, when, where, the link), since Outlook shows the body and not the
 * calendar attachment's description.
 */
export function renderEmail(content: EmailContent): RenderedEmail {
  const { locale, texts } = textsFor(content.recipient.locale);
  const { event, parentEvent } = content;
  const title = parentEvent
    ? fill(texts.partOf, { title: event.title, parent: parentEvent.title })
    : event.title;
  const subject = singleLine(
    `${fill(texts.subject[content.kind], { title })} – ${startDate(event, content.recipient.timeZone, locale)}`,
  );
  const participationOnly = content.kind === 'cancellation' && event.status !== 'cancelled';
  const intro = fill(participationOnly ? texts.participationCancelled : texts.intro[content.kind], { title });
  const greeting = fill(texts.greeting, { name: singleLine(content.recipient.name) });
  const facts = factsOf(content, texts, describeWhen(event, content.recipient.timeZone, locale));
  const answer = answerOf(content, texts);
  const programme = programmeOf(content, texts, locale);
  const calendarNote = content.kind === 'cancellation' ? texts.cancelCalendarNote : texts.calendarNote;
  const body: Body = {
    greeting,
    intro,
    facts,
    programme,
    description: event.description,
    answer,
    calendarNote,
    texts,
  };
  return { subject, text: plainText(body), html: html({ ...body, title: subject }) };
}

/**
 * The parts a cancellation took along (those of the person's programme now cancelled), or the
 * whole programme in an update, each with its time in the reader's zone.
 */
function programmeOf(content: EmailContent, texts: MailTexts, locale: MailLocale): Programme | null {
  const cancellation = content.kind === 'cancellation';
  const shown = cancellation
    ? content.parts.filter((part) => part.event.status === 'cancelled')
    : content.parts;
  if (shown.length === 0) return null;
  return {
    heading: cancellation ? texts.partsCancelled : texts.programme,
    items: shown.map((part) => {
      const marks = [
        !cancellation && part.event.status === 'cancelled' ? texts.partCancelledMark : null,
        part.waitlisted ? texts.partWaitlistedMark : null,
      ].filter((mark): mark is string => mark !== null);
      const when = describeWhen(part.event, content.recipient.timeZone, locale)[0].text;
      const title = singleLine(part.event.title);
      return `${title} – ${when}${marks.length ? ` (${marks.join(', ')})` : ''}`;
    }),
  };
}

function factsOf(content: EmailContent, texts: MailTexts, when: TimeLine[]): Fact[] {
  const { event } = content;
  const facts: Fact[] = when.map((line) => ({
    label: line.label ? `${texts.when} (${texts[line.label]})` : texts.when,
    text: line.text,
  }));
  const place = [event.venueName, event.venueAddress].filter((part): part is string => !!part).join(', ');
  if (place) facts.push({ label: texts.where, text: place });
  if (event.onlineUrl) facts.push({ label: texts.online, text: event.onlineUrl, href: event.onlineUrl });
  if (content.kind === 'reminder' || content.kind === 'update') {
    facts.push({ label: texts.yourAnswer, text: texts.answers[content.participation] });
  }
  return facts;
}

function answerOf(
  content: EmailContent,
  texts: MailTexts,
): { prompt: string; button: string; url: string } | null {
  if (!content.answerUrl || !ANSWERABLE.has(content.kind)) return null;
  const answered = content.participation !== 'NEEDS-ACTION';
  return {
    prompt: answered ? '' : texts.answerPrompt,
    button: answered ? texts.changeAnswerButton : texts.answerButton,
    url: content.answerUrl,
  };
}

interface Programme {
  heading: string;
  items: string[];
}

interface Body {
  greeting: string;
  intro: string;
  facts: Fact[];
  programme: Programme | null;
  description: string;
  answer: { prompt: string; button: string; url: string } | null;
  calendarNote: string;
  texts: MailTexts;
}

function plainText(body: Body): string {
  const lines = [body.greeting, '', body.intro, ''];
  for (const fact of body.facts) lines.push(`${fact.label}: ${fact.text}`);
  if (body.programme) {
    lines.push('', body.programme.heading);
    for (const item of body.programme.items) lines.push(`- ${item}`);
  }
  if (body.description.trim()) lines.push('', body.description.trim());
  if (body.answer) {
    lines.push('');
    if (body.answer.prompt) lines.push(body.answer.prompt);
    lines.push(`${body.answer.button}: ${body.answer.url}`);
  }
  lines.push('', body.calendarNote, '', '-- ', body.texts.footer);
  return `${lines.join('\n')}\n`;
}

function html(body: Body & { title: string }): string {
  const rows = body.facts
    .map((fact) => {
      const value = fact.href
        ? `<a href="${escapeHtml(fact.href)}">${escapeHtml(fact.text)}</a>`
        : escapeHtml(fact.text);
      return `<tr><th align="left" valign="top" style="padding:4px 12px 4px 0;white-space:nowrap">${escapeHtml(fact.label)}</th><td style="padding:4px 0">${value}</td></tr>`;
    })
    .join('');
  const answer = body.answer
    ? `${body.answer.prompt ? `<p style="margin:16px 0 8px">${escapeHtml(body.answer.prompt)}</p>` : ''}` +
      `<p style="margin:8px 0 16px"><a href="${escapeHtml(body.answer.url)}" style="display:inline-block;padding:10px 18px;background:#1f5f8b;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(body.answer.button)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:12px;color:#555">${escapeHtml(body.answer.url)}</p>`
    : '';
  return [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(body.title)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222">',
    `<p style="margin:0 0 12px">${escapeHtml(body.greeting)}</p>`,
    `<p style="margin:0 0 16px">${escapeHtml(body.intro)}</p>`,
    `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px">${rows}</table>`,
    body.programme
      ? `<p style="margin:0 0 4px">${escapeHtml(body.programme.heading)}</p><ul style="margin:0 0 16px">${body.programme.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
      : '',
    body.description.trim() ? paragraphs(body.description) : '',
    answer,
    `<p style="margin:16px 0;font-size:13px;color:#555">${escapeHtml(body.calendarNote)}</p>`,
    `<p style="margin:24px 0 0;font-size:12px;color:#777">${escapeHtml(body.texts.footer)}</p>`,
    '</body></html>',
  ].join('\n');
}

/** Titles and names come from organisers: a line break must never reach a header. */
export function singleLine(text: string): string {
  return text
    .replace(/[\r\n\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
