import { ConsoleSession } from '@app/accounts';
import { SeatsJoined } from '@app/invitations';
import {
  Event,
  EventTexts,
  EventTree,
  Locale,
  LOCALES,
  missingTranslations,
  TRANSLATION_LIMITS,
} from '@app/planning';
import { describeWhen, formatSpan, html, MessageKey, SafeHtml } from '@app/presentation';
import { consoleMessages, consolePage, csrfField } from '../console-layout';
import { downloadsSection, DOWNLOADS_STYLE } from '../exports/downloads';
import {
  errorSummary,
  eventFields,
  EventFormValues,
  FormErrors,
  PART_KINDS,
  TOP_LEVEL_KINDS,
  newPartValues,
  valuesOfEvent,
} from './event-form';
import { editorPath, missingBadges, PROGRAMME_PATH, statusBadge } from './programme-list.page';
import { timeWordsScript } from '../time-words/time-words';
import { PROGRAMME_STYLE } from './programme-style';
import { EventEditor, NewEventDefaults } from './programme.service';
import { SIGN_UP_SWITCH_STYLE, signUpSwitch, SignUpSwitchView } from './sign-up-switch.page';

export const NOTICES = [
  'created',
  'updated',
  'partAdded',
  'partRemoved',
  'copied',
  'published',
  'moved',
  'cancelled',
  'translated',
] as const;
export type Notice = (typeof NOTICES)[number];

/** A form shown again: what was entered, and what was wrong with it. */
export interface FormAgain {
  values: EventFormValues;
  errors: FormErrors;
}

export function newEventPage(session: ConsoleSession, defaults: NewEventDefaults, again?: FormAgain): string {
  const messages = consoleMessages(session);
  const { t } = messages;
  const values = again?.values ?? {
    kind: 'city_day',
    title: '',
    description: '',
    originalLanguage: defaults.language,
    venue: '',
    venueAddress: '',
    allDay: '',
    venueNotes: '',
    startsAt: '',
    startZone: defaults.zone,
    endsAt: '',
    endZone: defaults.zone,
    capacity: '',
  };
  const body = html`<p><a href="${PROGRAMME_PATH}">${t('console.programme.back')}</a></p>
    <h1>${t('console.programme.newTitle')}</h1>
    <p>${t('console.programme.newIntro')}</p>
    ${errorSummary(messages, again?.errors ?? null)}
    <form method="post" action="${PROGRAMME_PATH}" novalidate>
      ${csrfField(session)}
      ${eventFields({
        messages,
        prefix: 'event',
        values,
        errors: again?.errors.fields ?? {},
        kinds: TOP_LEVEL_KINDS,
        usedZones: [defaults.zone],
      })}
      <button type="submit">${t('console.programme.create')}</button>
    </form>
    ${timeWordsScript()}`;
  return consolePage({
    session,
    screen: 'programme',
    title: t('console.programme.newTitle'),
    body,
    style: PROGRAMME_STYLE,
  });
}

export interface EditorView {
  editor: EventEditor;
  notice?: Notice;
  /** The event's form shown again, or the form for a new part. */
  eventForm?: FormAgain;
  partForm?: FormAgain;
  /** A translation's form shown again. */
  translationForm?: { language: Locale; values: EventTexts; errors: FormErrors };
  /** People whose seats the entered times would put into one round; saving again confirms. */
  seatsJoined?: SeatsJoined[];
  /** Open sign-up of an event the reader's organisation hosts. */
  signUp?: SignUpSwitchView;
}

export function eventEditorPage(session: ConsoleSession, view: EditorView): string {
  const messages = consoleMessages(session);
  const { t } = messages;
  const { event, parent, hosted, organisationZone } = view.editor;
  const usedZones = [organisationZone, ...zonesOf(parent), ...zonesOf(event)];
  const writer = hosted && session.actor.role !== 'viewer';
  const open = writer && event.status !== 'cancelled';
  const back = parent
    ? html`<a href="${editorPath(parent.id)}"
        >${t('console.programme.backToEvent', { title: parent.title })}</a
      >`
    : html`<a href="${PROGRAMME_PATH}">${t('console.programme.back')}</a>`;
  const body = html`<p>${back}</p>
    <h1>${event.title} ${statusBadge(session, event)} ${missingBadges(session, event)}</h1>
    ${view.notice ? html`<p class="notice" role="status">${t(`console.programme.notices.${view.notice}`)}</p>` : null}
    ${readOnlyNote(session, hosted)} ${facts(session, event, parent)}
    ${hosted ? html`<p><a href="${editorPath(event.id)}/questions">${t('console.questions.link')}</a></p>` : null}
    ${open ? actions(session, event) : null}
    ${downloadsSection(session, event, { participants: hosted && !event.parentId })}
    ${open ? detailsForm(session, event, usedZones, view.eventForm, view.seatsJoined) : null}
    ${translationsSection(session, event, open, view)}
    ${view.signUp ? signUpSwitch(session, event, view.signUp) : null}
    <section aria-labelledby="parts-heading">
      <h2 id="parts-heading">${t('console.programme.partsHeading')}</h2>
      ${partSlots(session, event, writer)}
    </section>
    ${open ? addPartForm(session, event, usedZones, view.partForm) : null}
    ${timeWordsScript()}`;
  return consolePage({
    session,
    screen: 'programme',
    title: t('console.programme.editTitle', { title: event.title }),
    body,
    style: PROGRAMME_STYLE + DOWNLOADS_STYLE + SIGN_UP_SWITCH_STYLE,
  });
}

/** The zones an event and its parts start and end in. */
function zonesOf(event: Event | EventTree | null): string[] {
  if (!event) return [];
  const parts = 'children' in event ? event.children.flatMap(zonesOf) : [];
  return [event.startZone, event.endZone, ...parts];
}

function readOnlyNote(session: ConsoleSession, hosted: boolean): SafeHtml | null {
  const { t } = consoleMessages(session);
  if (session.actor.role === 'viewer') return html`<p class="muted">${t('console.programme.readOnly')}</p>`;
  return hosted ? null : html`<p class="muted">${t('console.programme.notHost')}</p>`;
}

/** When, in the viewer's zone and at the place (each end in its own zone), and the rest at a glance. */
export function facts(session: ConsoleSession, event: Event, parent: Event | null): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  return html`<dl class="facts">
    <dt>${t('console.programme.fields.kind')}</dt>
    <dd>${t(`calendar.kinds.${event.kind}`)}</dd>
    ${
      parent
        ? html`<dt>${t('console.programme.parent')}</dt>
            <dd>${parent.title}</dd>`
        : null
    }
    <dt>${t('console.programme.status')}</dt>
    <dd>${t(`console.programme.${event.status}`)}</dd>
    ${describeWhen(event, messages.intlLocale, session.account.timeZone).map(
      (line) =>
        html`<dt>${t(line.label)}</dt>
          <dd>${line.text}</dd>`,
    )}
    ${
      event.venueName
        ? html`<dt>${t('console.programme.where')}</dt>
            <dd>${event.venueName}${event.venueAddress ? html`<br />${event.venueAddress}` : null}</dd>`
        : null
    }
    <dt>${t('console.programme.capacity')}</dt>
    <dd>${event.capacity ?? t('console.programme.unlimited')}</dd>
  </dl>`;
}

function actions(session: ConsoleSession, event: Event): SafeHtml {
  const { t } = consoleMessages(session);
  const path = editorPath(event.id);
  const link = (action: string, key: MessageKey, style = 'secondary') =>
    html`<li><a class="button ${style}" href="${path}/${action}">${t(key)}</a></li>`;
  return html`<section aria-labelledby="actions-heading">
    <h2 id="actions-heading">${t('console.programme.actions')}</h2>
    <ul class="actions">
      ${event.status === 'draft' ? link('publish', 'console.programme.publish', '') : null}
      ${link('move', 'console.programme.move')} ${link('copy', 'console.programme.copy')}
      ${link('cancel', event.parentId ? 'console.programme.cancelPart' : 'console.programme.cancel', 'danger')}
    </ul>
  </section>`;
}

function detailsForm(
  session: ConsoleSession,
  event: Event,
  usedZones: string[],
  again?: FormAgain,
  seatsJoined?: SeatsJoined[],
): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const kinds = event.parentId ? PART_KINDS : TOP_LEVEL_KINDS;
  return html`<section class="panel" aria-labelledby="details-heading">
    <h2 id="details-heading">${t('console.programme.details')}</h2>
    ${seatsJoined ? roundsWarning(session, seatsJoined) : errorSummary(messages, again?.errors ?? null)}
    <form method="post" action="${editorPath(event.id)}" novalidate>
      ${csrfField(session)}
      <input type="hidden" name="readAt" value="${event.updatedAt.toISOString()}" />
      ${seatsJoined ? html`<input type="hidden" name="roundsSeen" value="1" />` : null}
      ${eventFields({
        messages,
        prefix: 'event',
        values: again?.values ?? valuesOfEvent(event),
        errors: again?.errors.fields ?? {},
        kinds: kinds.includes(event.kind) ? kinds : [event.kind, ...kinds],
        usedZones,
      })}
      <button type="submit">${t('console.programme.save')}</button>
    </form>
  </section>`;
}

/**
 * The event's texts in the languages other than its original: a form per language for those who
 * may change the event, otherwise what is missing.
 */
function translationsSection(
  session: ConsoleSession,
  event: Event,
  open: boolean,
  view: EditorView,
): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const missing = missingTranslations(event);
  const languageName = (language: Locale) => t(`console.programme.translations.languages.${language}`);
  return html`<section class="panel" aria-labelledby="translations-heading">
    <h2 id="translations-heading">${t('console.programme.translations.heading')}</h2>
    <p>${t('console.programme.translations.intro', { language: languageName(event.originalLanguage) })}</p>
    ${missing.length === 0 ? html`<p class="muted">${t('console.programme.translations.complete')}</p>` : null}
    ${
      open
        ? LOCALES.filter((language) => language !== event.originalLanguage).map((language) => {
            const again = view.translationForm?.language === language ? view.translationForm : undefined;
            return translationForm(session, event, language, again);
          })
        : null
    }
  </section>`;
}

function translationForm(
  session: ConsoleSession,
  event: Event,
  language: Locale,
  again?: EditorView['translationForm'],
): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const values = again?.values ??
    event.translations[language] ?? { title: '', description: '', venueNotes: '' };
  const id = (field: string) => `translation-${language}-${field}`;
  const titleError = again?.errors.fields.title;
  const name = t(`console.programme.translations.languages.${language}`);
  return html`<form method="post" action="${editorPath(event.id)}/translations/${language}" novalidate>
    ${csrfField(session)}
    <input type="hidden" name="readAt" value="${event.updatedAt.toISOString()}" />
    <fieldset>
      <legend>
        ${t('console.programme.translations.legend', { language: name, code: language })}
        ${missingTranslations(event).includes(language) ? missingBadges(session, event, [language]) : null}
      </legend>
      ${again ? errorSummary(messages, again.errors) : null}
      <div class="field">
        <label for="${id('title')}">${t('console.programme.fields.title')}</label>
        ${titleError ? html`<p class="field-error" id="${id('title')}-error">${t(titleError)}</p>` : null}
        <input
          id="${id('title')}"
          name="title"
          lang="${language}"
          value="${values.title}"
          maxlength="${TRANSLATION_LIMITS.title}"
          ${titleError ? html`aria-invalid="true" aria-describedby="${id('title')}-error"` : null}
        />
      </div>
      <div class="field">
        <label for="${id('description')}">${t('console.programme.fields.description')}</label>
        <textarea
          id="${id('description')}"
          name="description"
          lang="${language}"
          rows="3"
          maxlength="${TRANSLATION_LIMITS.description}"
        >
${values.description}</textarea>
      </div>
      <div class="field">
        <label for="${id('venueNotes')}">${t('console.programme.fields.venueNotes')}</label>
        <textarea
          id="${id('venueNotes')}"
          name="venueNotes"
          lang="${language}"
          rows="2"
          maxlength="${TRANSLATION_LIMITS.venueNotes}"
        >
${values.venueNotes}</textarea>
      </div>
      <p class="hint">${t('console.programme.translations.removeHint')}</p>
      <button type="submit">${t('console.programme.translations.save', { language: name })}</button>
    </fieldset>
  </form>`;
}

/** Before saving times that put people's seats into one round: who, and that they keep both. */
function roundsWarning(
  session: ConsoleSession,
  seatsJoined: SeatsJoined[],
): SafeHtml {
  const { t } = consoleMessages(session);
  return html`<div class="problem" role="alert">
    <p>${t('console.programme.roundsJoined', { count: seatsJoined.length })}</p>
    <ul>
      ${seatsJoined.map((person) => html`<li>${person.name}: ${person.workshops.map((workshop) => workshop.title).join(' · ')}</li>`)}
    </ul>
    <p>${t('console.programme.roundsJoinedSave')}</p>
  </div>`;
}

/** Parts at the same time side by side: the workshops of one round, the sessions of one slot. */
function partSlots(session: ConsoleSession, event: EventTree, writer: boolean): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  if (event.children.length === 0) return html`<p class="muted">${t('console.programme.noParts')}</p>`;
  const slots = new Map<string, EventTree[]>();
  for (const part of event.children) {
    const key = `${part.startsAt.getTime()}|${part.endsAt.getTime()}`;
    slots.set(key, [...(slots.get(key) ?? []), part]);
  }
  const byTitle = (a: Event, b: Event) => a.title.localeCompare(b.title, messages.intlLocale);
  return html`<ul class="slots">
    ${[...slots.values()].map(
      (parts) =>
        html`<li>
          <p class="slot-time">${formatSpan(parts[0], messages.intlLocale)}</p>
          <ul class="slot-parts">
            ${parts.sort(byTitle).map(
              (part) =>
                html`<li>
                  <a href="${editorPath(part.id)}">${part.title}</a>
                  <span class="muted"
                    >${t(`calendar.kinds.${part.kind}`)}${part.capacity !== null ? html` · ${t('console.programme.capacity')}: ${part.capacity}` : null}</span
                  >
                  ${statusBadge(session, part)}
                  ${
                    writer && event.status !== 'cancelled'
                      ? html`<form method="post" action="${editorPath(part.id)}/remove">
                          ${csrfField(session)}
                          <button type="submit" class="secondary">
                            ${t('console.programme.removePart')}<span class="visually-hidden"
                              >: ${part.title}</span
                            >
                          </button>
                        </form>`
                      : null
                  }
                </li>`,
            )}
          </ul>
        </li>`,
    )}
  </ul>`;
}

function addPartForm(session: ConsoleSession, event: EventTree, usedZones: string[], again?: FormAgain): SafeHtml {
  const messages = consoleMessages(session);
  const { t } = messages;
  const values = again?.values ?? newPartValues(event);
  return html`<section class="panel" aria-labelledby="add-part-heading">
    <h2 id="add-part-heading">${t('console.programme.addPart')}</h2>
    <p>${t('console.programme.addPartIntro')}</p>
    ${errorSummary(messages, again?.errors ?? null)}
    <form method="post" action="${editorPath(event.id)}/parts" novalidate>
      ${csrfField(session)}
      ${eventFields({
        messages,
        prefix: 'part',
        values,
        errors: again?.errors.fields ?? {},
        kinds: PART_KINDS,
        usedZones,
      })}
      <button type="submit">${t('console.programme.add')}</button>
    </form>
  </section>`;
}
