import {
  emailButton,
  emailHeading,
  emailParagraph,
  html,
  linkEmail,
  messagesFor,
  RenderedMessage,
} from '@app/presentation';
import { Locale } from '@app/planning';

export interface SignInEmailContent {
  language: Locale;
  recipientName: string | null;
  url: string;
  code: string;
  /** Present when an admin invited the recipient to their organisation. */
  invitation: { inviter: string; organisation: string } | null;
}

export type RenderedSignInEmail = RenderedMessage;

/** The code in two groups of four, as people read and type it. */
export function groupedCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/** A sign-in or invitation email in the recipient's language, HTML with a plain-text twin. */
export function renderSignInEmail(content: SignInEmailContent): RenderedSignInEmail {
  const messages = messagesFor(content.language);
  const t = messages.t;
  const subject = content.invitation
    ? t('signInEmail.inviteSubject', { inviter: content.invitation.inviter })
    : t('signInEmail.subject');
  const greeting = t('common.greeting', { name: content.recipientName ?? '' }).replace(' ,', ',');
  const intro = content.invitation
    ? t('signInEmail.inviteIntro', content.invitation)
    : t('signInEmail.intro');
  const code = groupedCode(content.code);
  const body = html`${emailHeading(subject)}${emailParagraph(`${greeting} ${intro}`)}${emailButton(content.url, t('signInEmail.button'))}
    ${emailParagraph(t('signInEmail.codeIntro'))}
    <p style="margin:0 0 16px;font-family:Consolas,Menlo,monospace;font-size:24px;letter-spacing:2px;">
      ${code}
    </p>
    ${emailParagraph(t('signInEmail.ignore'), 'muted')}`;
  return linkEmail({
    language: messages.language,
    subject,
    preview: intro,
    body,
    paragraphs: [
      `${greeting} ${intro}`,
      `${t('signInEmail.button')}: ${content.url}`,
      `${t('signInEmail.codeIntro')} ${code}`,
      t('signInEmail.ignore'),
    ],
    footer: t('email.footer'),
  });
}
