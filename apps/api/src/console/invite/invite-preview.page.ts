import { ConsoleSession } from '@app/accounts';
import { InvitePreview } from '@app/invitations';
import { renderEmail } from '@app/mail';
import { html, SafeHtml } from '@app/presentation';
import { consoleMessages } from '../console-layout';

export const PREVIEW_STYLE = `
  .preview { border-top: 3px solid #1f5fa8; margin-top: 1.5rem; padding-top: 0.5rem; }
  .preview details { border: 1px solid #d8d8d2; border-radius: 0.5rem; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; }
  .preview summary { font-weight: 600; cursor: pointer; min-height: 2rem; padding-top: 0.25rem; }
  .preview iframe { display: block; box-sizing: border-box; width: 100%; height: 36rem; border: 1px solid #d8d8d2; border-radius: 0.3rem; background: #f3f3ef; }
`;

/**
 * What sending would do, and the invitation email in each language of those who would get one,
 * rendered by the mail lib's own renderer. Each email is a document of its own, so it is shown in
 * a sandboxed frame: its styles stay out of the page, and nothing in it runs or navigates the page.
 */
export function previewSection(session: ConsoleSession, preview: InvitePreview): SafeHtml {
  const { t } = consoleMessages(session);
  return html`<section class="preview" id="preview" aria-labelledby="preview-heading">
    <h2 id="preview-heading">${t('console.invite.previewTitle')}</h2>
    <p role="status">
      ${t('console.invite.named', { count: preview.recipients })}
      ${t('console.invite.adds', { count: preview.newlyInvited })}
      ${preview.alreadyInvited > 0 ? t('console.invite.already', { count: preview.alreadyInvited }) : null}
    </p>
    ${
      preview.alreadyInvitedNames.length > 0
        ? html`<details>
            <summary>${t('console.invite.invitedTitle')}</summary>
            <ul>
              ${preview.alreadyInvitedNames.map((name) => html`<li>${name}</li>`)}
            </ul>
          </details>`
        : null
    }
    ${
      preview.languages.length === 0
        ? html`<p class="notice">${t('console.invite.nobodyNew')}</p>`
        : html`<h3>${t('console.invite.emailsIn')}</h3>
            ${preview.languages.map((language, index) => languagePreview(session, language, index === 0))}`
    }
  </section>`;
}

function languagePreview(
  session: ConsoleSession,
  language: InvitePreview['languages'][number],
  open: boolean,
): SafeHtml {
  const { t } = consoleMessages(session);
  const languageName = t(`console.invite.languages.${language.locale}`);
  const email = language.email ? renderEmail(language.email) : null;
  return html`<details ${open ? html`open` : null}>
    <summary>${t('console.invite.languageCount', { language: languageName, count: language.people })}</summary>
    ${
      email && language.email
        ? html`<p><strong>${t('console.invite.subject')}:</strong> <span lang="${language.locale}">${email.subject}</span></p>
            <p class="muted">${t('console.invite.sampleNote', { name: language.email.recipient.name })}</p>
            <iframe
              title="${t('console.invite.frameTitle', { language: languageName })}"
              sandbox=""
              srcdoc="${email.html}"
            ></iframe>`
        : html`<p class="muted">${t('console.invite.notSent')}</p>`
    }
  </details>`;
}
