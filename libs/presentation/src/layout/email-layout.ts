import { html, raw, SafeHtml } from '../html/html';
import { Language } from '../messages/messages';

/**
 * Building blocks of emails that read well in Outlook (Word's renderer: tables, inline styles,
 * bgcolor), Gmail (strips <style>) and Apple Mail, at a phone's 390 px as on a desktop: one column
 * at most 600 px wide, labels above values rather than beside them, and long links that wrap.
 */
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const TEXT = `${FONT}font-size:16px;line-height:1.5;color:#1a1a1a;`;
const MUTED = `${FONT}font-size:13px;line-height:1.45;color:#555555;`;
const WRAP = 'overflow-wrap:anywhere;word-break:break-word;';

export interface EmailDocument {
  language: Language;
  title: string;
  /** The line mail clients show after the subject in the inbox. */
  preview: string;
  body: SafeHtml;
  footer: string;
}

/** An email as sent: its subject, the plain-text part and the HTML part. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/**
 * A short email around one link (a sign-in, a sign-up to confirm): the HTML body with its
 * plain-text twin, given as paragraphs, each ending with the footer.
 */
export function linkEmail(email: {
  language: Language;
  subject: string;
  preview: string;
  body: SafeHtml;
  paragraphs: string[];
  footer: string;
}): RenderedMessage {
  return {
    subject: email.subject,
    text: [...email.paragraphs, '--', email.footer].join('\n\n'),
    html: emailDocument({
      language: email.language,
      title: email.subject,
      preview: email.preview,
      body: email.body,
      footer: email.footer,
    }),
  };
}

export function emailDocument(email: EmailDocument): string {
  return html`<!doctype html>
    <html lang="${email.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="x-apple-disable-message-reformatting" />
        <title>${email.title}</title>
      </head>
      <body style="margin:0;padding:0;background-color:#f3f3ef;">
        <div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${email.preview}</div>
        <table
          role="presentation"
          width="100%"
          cellpadding="0"
          cellspacing="0"
          border="0"
          bgcolor="#f3f3ef"
          style="background-color:#f3f3ef;"
        >
          <tr>
            <td align="center" style="padding:16px 8px;">
              <!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                border="0"
                bgcolor="#ffffff"
                style="max-width:600px;background-color:#ffffff;border-radius:6px;"
              >
                <tr>
                  <td
                    bgcolor="#1f4f7a"
                    style="padding:14px 24px;background-color:#1f4f7a;border-radius:6px 6px 0 0;${FONT}font-size:17px;font-weight:bold;color:#ffffff;"
                  >
                    Treffpunkt
                  </td>
                </tr>
                <tr>
                  <td style="padding:24px 24px 8px;${TEXT}${WRAP}">${email.body}</td>
                </tr>
                <tr>
                  <td style="padding:8px 24px 20px;border-top:1px solid #e2e2dc;${MUTED}">${email.footer}</td>
                </tr>
              </table>
              <!--[if mso]></td></tr></table><![endif]-->
            </td>
          </tr>
        </table>
      </body>
    </html> `.value;
}

export function emailParagraph(text: string | SafeHtml, tone: 'normal' | 'muted' = 'normal'): SafeHtml {
  return html`<p style="margin:0 0 16px;${raw(tone === 'muted' ? MUTED : TEXT)}">${text}</p>`;
}

export function emailHeading(text: string): SafeHtml {
  return html`<h1 style="margin:0 0 16px;${raw(FONT)}font-size:22px;line-height:1.3;color:#1a1a1a;">
    ${text}
  </h1>`;
}

export interface EmailFact {
  label: string;
  text: string;
  /** Shown as a link (only http(s) addresses, checked by the caller). */
  href?: string;
}

/** Label above value: a date in a column beside its label does not fit a phone. */
export function emailFacts(facts: EmailFact[]): SafeHtml {
  return html`<table
    role="presentation"
    width="100%"
    cellpadding="0"
    cellspacing="0"
    border="0"
    style="margin:0 0 4px;"
  >
    ${facts.map(
      (fact) =>
        html`<tr>
            <td style="padding:0 0 2px;${raw(FONT)}font-size:13px;font-weight:bold;color:#4a4a4a;">
              ${fact.label}
            </td>
          </tr>
          <tr>
            <td style="padding:0 0 12px;${raw(TEXT + WRAP)}">
              ${fact.href ? html`<a href="${fact.href}" style="color:#1f5f8b;">${fact.text}</a>` : fact.text}
            </td>
          </tr>`,
    )}
  </table>`;
}

export function emailList(heading: string, items: string[]): SafeHtml {
  return html`<p style="margin:0 0 4px;${raw(TEXT)}font-weight:bold;">${heading}</p>
    <ul style="margin:0 0 16px;padding-left:20px;${raw(TEXT)}">
      ${items.map((item) => html`<li style="margin:0 0 6px;">${item}</li>`)}
    </ul>`;
}

/** A button made of a table cell, so that Outlook shows its colour, with the address below it. */
export function emailButton(url: string, label: string): SafeHtml {
  return html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 8px;">
      <tr>
        <td bgcolor="#1f5f8b" style="border-radius:4px;background-color:#1f5f8b;">
          <a
            href="${url}"
            style="display:inline-block;padding:12px 22px;${raw(FONT)}font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px;"
            >${label}</a
          >
        </td>
      </tr>
    </table>
    <p style="margin:0 0 16px;${raw(MUTED + WRAP)}">${url}</p>`;
}
