import { MINIMUM_FILL_MS, PendingSignUp, PROOF_OF_WORK_BITS, SignUpOffer } from '@app/invitations';
import { Event } from '@app/planning';
import {
  formatSpan,
  html,
  Language,
  LANGUAGES,
  MessageKey,
  Messages,
  messagesFor,
  pageDocument,
  SafeHtml,
} from '@app/presentation';
import { calendarLayout, signUpAvailability } from '../public-calendar/public-calendar.page';
import { ReadSignUpForm, SignUpField, SignUpFormValues } from './sign-up-form';

export const SIGN_UP_SCRIPT_PATH = '/calendar/sign-up.js';

export interface SignUpFormView {
  language: Language;
  offer: SignUpOffer;
  challenge: string;
  entered?: ReadSignUpForm;
}

const STYLE = `
  .sign-up-form { display: grid; gap: 1rem; max-width: 32rem; margin: 1rem 0; }
  .sign-up-form .field { display: flex; flex-direction: column; gap: 0.2rem; }
  .sign-up-form label { font-weight: 600; }
  .sign-up-form input, .sign-up-form select { box-sizing: border-box; width: 100%; min-height: 2.75rem; padding: 0.4rem; border: 1px solid #767676; border-radius: 4px; background: #fff; }
  .sign-up-form [aria-invalid="true"] { border: 2px solid #a00000; }
  .sign-up-form small { color: #4a4a4a; }
  .sign-up-form p { margin: 0; }
  .problem { color: #a00000; font-weight: 600; margin: 0; }
  .alert { padding: 0.75rem 1rem; border-radius: 0.4rem; background: #fdeeee; border: 1px solid #d99; }
  .note { padding: 0.75rem 1rem; border-radius: 0.4rem; background: #eef5ee; border: 1px solid #8fbf8f; }
  .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
  .working { color: #4a4a4a; }
`;

/** The sign-up form of an event, with what was entered and what is wrong with it when sent again. */
export function signUpFormPage(view: SignUpFormView): string {
  const messages = messagesFor(view.language);
  const { t } = messages;
  const { event } = view.offer;
  const values: SignUpFormValues = view.entered?.values ?? {
    name: '',
    email: '',
    language: view.language,
    organisation: '',
  };
  const problems = view.entered?.problems ?? {};
  const invalid = Object.keys(problems).length > 0;
  const field = (name: SignUpField, label: string, control: SafeHtml, hint?: string) => {
    const problem = problems[name];
    return html`<div class="field">
      <label for="${name}">${label}</label>
      ${hint ? html`<small id="${name}-hint">${hint}</small>` : null}
      ${problem ? html`<p class="problem" id="${name}-problem">${t(`signUp.${problem}`)}</p>` : null}
      ${control}
    </div>`;
  };
  const described = (name: SignUpField, hint = false) =>
    [hint ? `${name}-hint` : null, problems[name] ? `${name}-problem` : null].filter(Boolean).join(' ') ||
    null;
  const body = html`<p><a href="/calendar/events/${event.id}?lang=${view.language}">← ${event.title}</a></p>
    <h1>${t('signUp.pageTitle', { title: event.title })}</h1>
    ${eventFacts(messages, event, view.offer)}
    <p>${t('signUp.intro')}</p>
    ${invalid ? html`<p class="alert" role="alert">${problems.form ? t(`signUp.${problems.form}`) : t('signUp.errorSummary')}</p>` : null}
    <noscript><p class="alert">${t('signUp.noScript')}</p></noscript>
    <form
      id="sign-up"
      class="sign-up-form"
      method="post"
      action="/calendar/events/${event.id}/sign-up?lang=${view.language}"
      data-bits="${PROOF_OF_WORK_BITS}"
      data-min-ms="${MINIMUM_FILL_MS}"
      novalidate
    >
      ${field(
        'name',
        t('signUp.name'),
        html`<input
          id="name"
          name="name"
          autocomplete="name"
          maxlength="200"
          required
          value="${values.name}"
          aria-invalid="${problems.name ? 'true' : 'false'}"
          aria-describedby="${described('name')}"
        />`,
      )}
      ${field(
        'email',
        t('signUp.email'),
        html`<input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          maxlength="320"
          required
          value="${values.email}"
          aria-invalid="${problems.email ? 'true' : 'false'}"
          aria-describedby="${described('email')}"
        />`,
      )}
      ${field(
        'language',
        t('signUp.language'),
        html`<select id="language" name="language" aria-describedby="${described('language')}">
          ${LANGUAGES.map(
            (language) =>
              html`<option
                value="${language}"
                lang="${language}"
                ${language === values.language ? html`selected` : null}
              >
                ${messagesFor(language).t('common.languageName')}
              </option>`,
          )}
        </select>`,
      )}
      ${field(
        'organisation',
        t('signUp.organisation'),
        html`<input
          id="organisation"
          name="organisation"
          autocomplete="organization"
          maxlength="200"
          value="${values.organisation}"
          aria-invalid="${problems.organisation ? 'true' : 'false'}"
          aria-describedby="${described('organisation', true)}"
        />`,
        t('signUp.organisationHint'),
      )}
      <div class="trap">
        <label for="website">${t('signUp.honeypot')}</label>
        <input id="website" name="website" tabindex="-1" autocomplete="off" />
      </div>
      <input type="hidden" name="challenge" value="${view.challenge}" />
      <input type="hidden" name="proof" value="" />
      <p><small>${t('signUp.workshopsNote')} ${t('signUp.privacy')}</small></p>
      <p class="working" id="sign-up-status" role="status" data-working="${t('signUp.working')}"></p>
      <p><button type="submit">${t('signUp.submit')}</button></p>
    </form>`;
  return calendarLayout(
    messages,
    t('signUp.pageTitle', { title: event.title }),
    languageUrls(`/calendar/events/${event.id}/sign-up`),
    body,
    undefined,
    { script: SIGN_UP_SCRIPT_PATH, style: STYLE },
  );
}

/** After a sent form, whatever became of it: the same page, so it never tells whether an address is known. */
export function signUpSentPage(language: Language, offer: SignUpOffer): string {
  const messages = messagesFor(language);
  const { t } = messages;
  const { event } = offer;
  const body = html`<p><a href="/calendar/events/${event.id}?lang=${language}">← ${event.title}</a></p>
    <h1>${t('signUp.checkTitle')}</h1>
    <p class="note" role="status">${t('signUp.checkText')}</p>
    <p>${t('signUp.checkSpam')}</p>
    ${eventFacts(messages, event, null)}`;
  return calendarLayout(
    messages,
    t('signUp.checkTitle'),
    languageUrls(`/calendar/events/${event.id}/sign-up/sent`),
    body,
    undefined,
    { style: STYLE },
  );
}

/** A page that only says something (sign-up closed, too many attempts), in the calendar's frame. */
export function signUpMessagePage(language: Language, title: MessageKey, text: MessageKey): string {
  const messages = messagesFor(language);
  const body = html`<h1>${messages.t(title)}</h1>
    <p>${messages.t(text)}</p>
    <p><a href="/calendar?lang=${language}">${messages.t('calendar.backToCalendar')}</a></p>`;
  return calendarLayout(messages, messages.t(title), languageUrls('/calendar'), body);
}

/**
 * Behind the confirmation link: a button, so that link scanners of mail systems, which open
 * links but send no forms, confirm nothing.
 */
export function confirmSignUpPage(pending: PendingSignUp): string {
  const messages = messagesFor(pending.locale);
  const { t } = messages;
  const body = html`<h1>${t('signUp.confirmTitle')}</h1>
    <p>${t('signUp.confirmText', { name: pending.name, title: pending.event.title })}</p>
    <dl class="facts">
      <dt>${t('common.when')}</dt>
      <dd>${formatSpan(pending.event, messages.intlLocale)}</dd>
    </dl>
    <form method="post">
      <p><button type="submit">${t('signUp.confirmButton')}</button></p>
    </form>`;
  return pageDocument({
    language: messages.language,
    title: t('signUp.confirmTitle'),
    body,
    style: STYLE,
    noIndex: true,
  });
}

export function signUpLinkMessagePage(language: Language, title: MessageKey, text: MessageKey): string {
  const messages = messagesFor(language);
  const body = html`<h1>${messages.t(title)}</h1>
    <p>${messages.t(text)}</p>`;
  return pageDocument({
    language: messages.language,
    title: messages.t(title),
    body,
    style: STYLE,
    noIndex: true,
  });
}

function eventFacts(messages: Messages, event: Event, offer: SignUpOffer | null): SafeHtml {
  const { t } = messages;
  const { seats, deadline } = offer
    ? signUpAvailability(messages, event, offer)
    : { seats: null, deadline: null };
  const place = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  return html`<dl class="facts">
      <dt>${t('common.when')}</dt>
      <dd>${formatSpan(event, messages.intlLocale)}</dd>
      ${
        place
          ? html`<dt>${t('common.where')}</dt>
              <dd>${place}</dd>`
          : null
      }
    </dl>
    ${seats ? html`<p><strong>${seats}</strong></p>` : null} ${deadline ? html`<p>${deadline}</p>` : null}`;
}

function languageUrls(path: string): Record<Language, string> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, `${path}?lang=${language}`])) as Record<
    Language,
    string
  >;
}
