import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DateTime } from 'luxon';
import { DomainError } from '@app/errors';
import {
  describeTime,
  Event,
  EventInput,
  EventKind,
  EventTexts,
  EventTree,
  isValidTimeZone,
  LOCALES,
  TRANSLATION_LIMITS,
} from '@app/planning';
import { html, MessageKey, Messages, SafeHtml, zoneName } from '@app/presentation';
import { ConsoleFormDto } from '../console-forms.dto';
import { timeWords, timeWordsId } from '../time-words/time-words';

export const EVENT_FORM_FIELDS = [
  'kind',
  'title',
  'description',
  'originalLanguage',
  'venue',
  'venueAddress',
  'allDay',
  'venueNotes',
  'startsAt',
  'startZone',
  'endsAt',
  'endZone',
  'capacity',
] as const;
export type EventFormField = (typeof EVENT_FORM_FIELDS)[number];
export type EventFormValues = Record<EventFormField, string>;

/** A message per field that was wrong, and one for the form as a whole (a stale edit). */
export interface FormErrors {
  fields: Partial<Record<string, MessageKey>>;
  form?: MessageKey;
  status: 400 | 409;
}

/** Kinds an organiser plans as a whole, and kinds that are parts of one. */
export const TOP_LEVEL_KINDS: EventKind[] = [
  'city_day',
  'conference',
  'delegation_visit',
  'exchange_trip',
  'virtual_meeting',
  'other',
];
export const PART_KINDS: EventKind[] = [
  'workshop',
  'session',
  'travel_leg',
  'accommodation',
  'site_visit',
  'virtual_meeting',
  'other',
];

/** What a new part of an event usually is: workshops of a city day, sessions of a conference, visits of a trip. */
export function usualPartKind(kind: EventKind): EventKind {
  if (kind === 'city_day') return 'workshop';
  if (kind === 'conference') return 'session';
  if (kind === 'delegation_visit' || kind === 'exchange_trip') return 'site_visit';
  return 'other';
}

/**
 * Every field as the browser sends it, as text: what is wrong with it is said next to the field
 * on the form shown again, so nothing here refuses a value but for its length.
 */
export class EventFormDto extends ConsoleFormDto {
  @IsOptional() @IsString() @MaxLength(32) kind?: string;
  @IsOptional() @IsString() @MaxLength(300) title?: string;
  @IsOptional() @IsString() @MaxLength(20000) description?: string;
  @IsOptional() @IsString() @MaxLength(2) originalLanguage?: string;
  @IsOptional() @IsString() @MaxLength(300) venue?: string;
  @IsOptional() @IsString() @MaxLength(500) venueAddress?: string;
  /** The all-day checkbox: sent (as "on") only when ticked. */
  @IsOptional() @IsString() @MaxLength(8) allDay?: string;
  @IsOptional() @IsString() @MaxLength(TRANSLATION_LIMITS.venueNotes) venueNotes?: string;
  @IsOptional() @IsString() @MaxLength(40) startsAt?: string;
  @IsOptional() @IsString() @MaxLength(64) startZone?: string;
  @IsOptional() @IsString() @MaxLength(40) endsAt?: string;
  @IsOptional() @IsString() @MaxLength(64) endZone?: string;
  @IsOptional() @IsString() @MaxLength(20) capacity?: string;
  /** When the editor read the event (its updatedAt), so that a change made since is not overwritten. */
  @IsOptional() @IsString() @MaxLength(40) readAt?: string;
  /** Set once the editor warned that the times put someone's seats into one round, and showed who. */
  @IsOptional() @IsIn(['1']) roundsSeen?: string;
}

/** A translation's fields; all empty removes the translation. */
export class TranslationFormDto extends ConsoleFormDto {
  @IsOptional() @IsString() @MaxLength(TRANSLATION_LIMITS.title) title?: string;
  @IsOptional() @IsString() @MaxLength(TRANSLATION_LIMITS.description) description?: string;
  @IsOptional() @IsString() @MaxLength(TRANSLATION_LIMITS.venueNotes) venueNotes?: string;
  @IsOptional() @IsString() @MaxLength(40) readAt?: string;
}

/** The translation's texts as entered, or null when every field is empty: remove it. */
export function translationValues(form: TranslationFormDto): EventTexts {
  return {
    title: (form.title ?? '').trim(),
    description: (form.description ?? '').trim(),
    venueNotes: (form.venueNotes ?? '').trim(),
  };
}

export class CopyFormDto extends ConsoleFormDto {
  @IsOptional() @IsString() @MaxLength(20) startDate?: string;
}

export function formValues(form: EventFormDto): EventFormValues {
  const values = Object.fromEntries(
    EVENT_FORM_FIELDS.map((field) => [field, (form[field] ?? '').trim()]),
  ) as EventFormValues;
  values.allDay = values.allDay === '' ? '' : 'on';
  return { ...values, ...timesInShape(values) };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The times as the all-day switch wants them. The fields still hold what the page showed when the
 * switch was flipped: dates become the days the times lie on, and days become the same span as
 * times (midnight to the midnight after the last day), for the organiser to narrow down.
 */
function timesInShape(values: EventFormValues): Pick<EventFormValues, 'startsAt' | 'endsAt'> {
  const { startsAt, endsAt } = values;
  if (values.allDay === 'on') return { startsAt: startsAt.slice(0, 10), endsAt: endsAt.slice(0, 10) };
  const dayAfter = DateTime.fromISO(endsAt).plus({ days: 1 }).toISODate();
  return {
    startsAt: DATE_ONLY.test(startsAt) ? `${startsAt}T00:00` : startsAt,
    endsAt: DATE_ONLY.test(endsAt) && dayAfter ? `${dayAfter}T00:00` : endsAt,
  };
}

/** The values of an event as its form shows them: local times at the place, each end in its zone. */
export function valuesOfEvent(event: Event): EventFormValues {
  return {
    kind: event.kind,
    title: event.title,
    description: event.description,
    originalLanguage: event.originalLanguage,
    venue: event.venueName ?? '',
    venueAddress: event.venueAddress ?? '',
    allDay: event.allDay ? 'on' : '',
    venueNotes: event.venueNotes,
    startsAt: localValue(event, 'start'),
    startZone: event.startZone,
    endsAt: localValue(event, 'end'),
    endZone: event.endZone,
    capacity: event.capacity === null ? '' : String(event.capacity),
  };
}

/** What a new part lasts when the last part is no measure (there is none, or it is a stay). */
const USUAL_PART_MS = 60 * 60 * 1000;
const DAY_MS = 24 * USUAL_PART_MS;

/**
 * The form of a new part, within its event: after the last part (the next round of a city day,
 * the next day of a visit), or at the event's start when that is full or there is none yet; as
 * long as the last part if that took less than a day, or else an hour. In the zone the last part ends in, since after a flight the
 * visit goes on where it landed, or else the event's. The event's place stays, to be changed.
 */
export function newPartValues(event: EventTree): EventFormValues {
  const parts = event.children
    .filter((part) => part.status !== 'cancelled')
    .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime());
  const last = parts.at(-1);
  const zone = last?.endZone ?? event.startZone;
  const values = {
    ...valuesOfEvent(event),
    kind: usualPartKind(event.kind),
    title: '',
    description: '',
    capacity: '',
    startZone: zone,
    endZone: zone,
  };
  if (event.allDay) {
    const dayAfterLast = last ? DateTime.fromISO(localValue(last, 'end').slice(0, 10)).plus({ days: 1 }).toISODate() : null;
    const day = dayAfterLast && dayAfterLast <= values.endsAt ? dayAfterLast : values.startsAt;
    return { ...values, startsAt: day, endsAt: day };
  }
  const startsAt = last && last.endsAt < event.endsAt ? last.endsAt : event.startsAt;
  const lastLength = last ? last.endsAt.getTime() - last.startsAt.getTime() : DAY_MS;
  const length = lastLength < DAY_MS ? lastLength : USUAL_PART_MS;
  const endsAt = new Date(Math.min(startsAt.getTime() + length, event.endsAt.getTime()));
  const local = (instant: Date) => DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
  return { ...values, startsAt: local(startsAt), endsAt: local(endsAt) };
}

function localValue(event: Event, end: 'start' | 'end'): string {
  const instant = end === 'start' ? event.startsAt : event.endsAt;
  const zone = end === 'start' ? event.startZone : event.endZone;
  const local = describeTime(instant, zone, event.allDay, end === 'end').local;
  return event.allDay ? local : local.slice(0, 16);
}

/**
 * What the form's values say, for planning; the fields planning cannot judge (the kinds a form
 * offers, several mistakes at once) are checked here first.
 */
export function eventInput(
  values: EventFormValues,
  kinds: EventKind[],
): { input: Omit<EventInput, 'parentId'> } | { errors: FormErrors } {
  const fields: FormErrors['fields'] = {};
  if (!(kinds as string[]).includes(values.kind)) fields.kind = 'console.programme.errors.kind';
  if (values.title === '') fields.title = 'console.programme.errors.title';
  if (values.originalLanguage !== '' && !(LOCALES as readonly string[]).includes(values.originalLanguage))
    fields.originalLanguage = 'console.programme.errors.originalLanguage';
  if (values.startsAt === '') fields.startsAt = 'console.programme.errors.startsAt';
  if (values.endsAt === '') fields.endsAt = 'console.programme.errors.endsAt';
  if (!isValidTimeZone(values.startZone)) fields.startZone = 'console.programme.errors.startZone';
  if (!isValidTimeZone(values.endZone)) fields.endZone = 'console.programme.errors.endZone';
  if (values.capacity !== '' && !/^\d{1,9}$/.test(values.capacity))
    fields.capacity = 'console.programme.errors.capacity';
  if (Object.keys(fields).length > 0) return { errors: { fields, status: 400 } };
  return {
    input: {
      kind: values.kind as EventKind,
      title: values.title,
      description: values.description,
      // A form without the field keeps the event's language (or, for a new event, the default one).
      originalLanguage: values.originalLanguage === '' ? undefined : values.originalLanguage,
      venue:
        values.venue === '' && values.venueAddress === '' && values.venueNotes === ''
          ? null
          : {
              name: values.venue === '' ? null : values.venue,
              address: values.venueAddress || null,
              notes: values.venueNotes,
            },
      allDay: values.allDay === 'on',
      startsAt: values.startsAt,
      endsAt: values.endsAt,
      startZone: values.startZone,
      endZone: values.endZone,
      capacity: values.capacity === '' ? null : Number(values.capacity),
    },
  };
}

type Parsed<Input> = { input: Input } | { errors: FormErrors };

/**
 * Runs a change with what the form says: the form's errors if the form or planning refused it
 * (the change then wrote nothing), what the change returned otherwise.
 */
export async function submitted<Input, Result>(
  parsed: Parsed<Input>,
  change: (input: Input) => Promise<Result>,
): Promise<{ result: Result } | { errors: FormErrors }> {
  if ('errors' in parsed) return parsed;
  try {
    return { result: await change(parsed.input) };
  } catch (error) {
    const errors = formErrorsOf(error);
    if (!errors) throw error;
    return { errors };
  }
}

/** Planning's refusal of a change to an event someone else changed after the page read it. */
export function changedMeanwhile(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'event_changed';
}

/** When the form's page read the event; nothing (no check) for a value that is not a time. */
export function readAtOf(value: string | undefined): Date | undefined {
  const readAt = value ? new Date(value) : undefined;
  return readAt && !Number.isNaN(readAt.getTime()) ? readAt : undefined;
}

const FIELD_MESSAGES: Record<string, MessageKey> = {
  kind: 'console.programme.errors.kind',
  title: 'console.programme.errors.title',
  startsAt: 'console.programme.errors.startsAt',
  allDay: 'console.programme.errors.startsAt',
  endsAt: 'console.programme.errors.endsAt',
  startZone: 'console.programme.errors.startZone',
  endZone: 'console.programme.errors.endZone',
  capacity: 'console.programme.errors.capacity',
  originalLanguage: 'console.programme.errors.originalLanguage',
  startDate: 'console.programme.errors.startDate',
};

/**
 * The form's errors for a refusal of planning, or null for one a form cannot help with (a role
 * that may not, a cancelled event), which the console's error page shows.
 */
function formErrorsOf(error: unknown): FormErrors | null {
  if (!(error instanceof DomainError)) return null;
  if (changedMeanwhile(error)) {
    return { fields: {}, form: 'console.programme.errors.stale', status: 409 };
  }
  if (error.kind !== 'invalid') return null;
  const fields: FormErrors['fields'] = {};
  for (const problem of error.problems) {
    const message = FIELD_MESSAGES[problem.field];
    if (!message) return null;
    fields[problem.field === 'allDay' ? 'startsAt' : problem.field] = message;
  }
  return Object.keys(fields).length > 0 ? { fields, status: 400 } : null;
}

/** IANA zones with their rules, for the zone selects; the event's own zone is always offered. */
const ZONES = Intl.supportedValuesOf('timeZone').filter(isValidTimeZone);

/** The regions of the zone select, in the order an organiser in Europe or Africa looks for them. */
const ZONE_REGIONS = [
  'europe',
  'africa',
  'america',
  'asia',
  'australia',
  'pacific',
  'atlantic',
  'indian',
  'antarctica',
  'arctic',
  'other',
] as const;
type ZoneRegion = (typeof ZONE_REGIONS)[number];

/** "America/Argentina/Salta" → america; UTC and the Etc/ zones, which name no place, → other. */
function regionOf(zone: string): ZoneRegion {
  const region = zone.split('/')[0].toLowerCase();
  return (ZONE_REGIONS as readonly string[]).includes(region) && zone.includes('/')
    ? (region as ZoneRegion)
    : 'other';
}

/**
 * The zones in groups: those used here (the organisation's, the event's and its parts') on top,
 * then the rest by region, each named as people recognise it ("Dar es Salaam (EAT)") at the
 * event's time, so that summer time shows when it applies.
 */
function zoneGroups(
  used: string[],
  at: Date,
  intlLocale: string,
): Array<{ group: ZoneRegion | 'used'; zones: Array<{ zone: string; name: string }> }> {
  const named = (zones: string[]) =>
    zones
      // A zone typed by hand that does not exist is shown as typed, next to its field's message.
      .map((zone) => ({ zone, name: isValidTimeZone(zone) ? zoneName(zone, at, intlLocale) : zone }))
      .sort((a, b) => a.name.localeCompare(b.name, intlLocale));
  const usedHere = [...new Set(used.filter((zone) => zone !== ''))];
  const rest = ZONES.filter((zone) => !usedHere.includes(zone));
  return [
    { group: 'used' as const, zones: named(usedHere) },
    ...ZONE_REGIONS.map((region) => ({ group: region, zones: named(rest.filter((zone) => regionOf(zone) === region)) })),
  ].filter((group) => group.zones.length > 0);
}

/** The instant the form's start names, for the zones' names; now when there is none yet. */
function startOf(values: EventFormValues): Date {
  const start = DateTime.fromISO(values.startsAt, { zone: isValidTimeZone(values.startZone) ? values.startZone : 'UTC' });
  return start.isValid ? start.toJSDate() : new Date();
}

export interface FieldsView {
  messages: Messages;
  /** Tells the fields of several forms on one page apart. */
  prefix: string;
  values: EventFormValues;
  errors: FormErrors['fields'];
  kinds: EventKind[];
  /** Zones offered on top: the organisation's, and those of the event, its parent and parts. */
  usedZones: string[];
}

/** The labelled fields of an event or part, each with its message when it was wrong. */
export function eventFields(view: FieldsView): SafeHtml {
  const { t } = view.messages;
  const id = (field: string) => `${view.prefix}-${field}`;
  const errorOf = (field: string) => view.errors[field];
  const described = (field: string, hint = false) => {
    const ids = [hint ? `${id(field)}-hint` : null, errorOf(field) ? `${id(field)}-error` : null].filter(
      (value) => value !== null,
    );
    return html`${ids.length > 0 ? html`aria-describedby="${ids.join(' ')}"` : null}
    ${errorOf(field) ? html`aria-invalid="true"` : null}`;
  };
  const message = (field: string) => {
    const key = errorOf(field);
    return key ? html`<p class="field-error" id="${id(field)}-error">${t(key)}</p>` : null;
  };
  const label = (field: string, key: MessageKey) => html`<label for="${id(field)}">${t(key)}</label>`;
  const at = startOf(view.values);
  const zoneSelect = (field: 'startZone' | 'endZone') => {
    const current = view.values[field];
    const groups = zoneGroups([current, ...view.usedZones], at, view.messages.intlLocale);
    return html`<div class="field">
      ${label(field, `console.programme.fields.${field}`)} ${message(field)}
      <select id="${id(field)}" name="${field}" ${described(field, field === 'endZone')}>
        ${groups.map(
          ({ group, zones }) =>
            html`<optgroup label="${t(`console.programme.fields.zoneGroups.${group}`)}">
              ${zones.map(
                ({ zone, name }) =>
                  html`<option value="${zone}" ${zone === current ? html`selected` : null}>${name}</option>`,
              )}
            </optgroup>`,
        )}
      </select>
      ${field === 'endZone' ? html`<p class="hint" id="${id(field)}-hint">${t('console.programme.fields.zoneHint')}</p>` : null}
    </div>`;
  };
  const timeField = (field: 'startsAt' | 'endsAt') => {
    const describedBy = [timeWordsId(id(field)), errorOf(field) ? `${id(field)}-error` : null].filter(Boolean);
    return html`<div class="field">
      ${label(field, `console.programme.fields.${field}`)} ${message(field)}
      <input
        id="${id(field)}"
        name="${field}"
        type="${timeType}"
        value="${view.values[field]}"
        data-time-words="${timeWordsId(id(field))}"
        aria-describedby="${describedBy.join(' ')}"
        ${errorOf(field) ? html`aria-invalid="true"` : null}
      />
      ${timeWords(id(field), view.values[field], view.messages)}
    </div>`;
  };
  const timeType = view.values.allDay === 'on' ? 'date' : 'datetime-local';
  return html`<div class="field">
      ${label('kind', 'console.programme.fields.kind')} ${message('kind')}
      <select id="${id('kind')}" name="kind" ${described('kind')}>
        ${view.kinds.map(
          (kind) =>
            html`<option value="${kind}" ${kind === view.values.kind ? html`selected` : null}>
              ${t(`calendar.kinds.${kind}`)}
            </option>`,
        )}
      </select>
    </div>
    <div class="field">
      ${label('title', 'console.programme.fields.title')} ${message('title')}
      <input
        id="${id('title')}"
        name="title"
        value="${view.values.title}"
        maxlength="300"
        ${described('title')}
      />
    </div>
    <div class="field">
      ${label('venue', 'console.programme.fields.venue')}
      <input id="${id('venue')}" name="venue" value="${view.values.venue}" maxlength="300" />
    </div>
    <div class="field">
      ${label('venueAddress', 'console.programme.fields.venueAddress')}
      <input
        id="${id('venueAddress')}"
        name="venueAddress"
        value="${view.values.venueAddress}"
        maxlength="500"
        autocomplete="off"
      />
    </div>
    <div class="field check">
      <input
        id="${id('allDay')}"
        name="allDay"
        type="checkbox"
        ${view.values.allDay === 'on' ? html`checked` : null}
        aria-describedby="${id('allDay')}-hint"
      />
      ${label('allDay', 'console.programme.fields.allDay')}
      <p class="hint" id="${id('allDay')}-hint">${t('console.programme.fields.allDayHint')}</p>
    </div>
    <div class="field">
      ${label('venueNotes', 'console.programme.fields.venueNotes')}
      <textarea
        id="${id('venueNotes')}"
        name="venueNotes"
        rows="2"
        maxlength="${TRANSLATION_LIMITS.venueNotes}"
        aria-describedby="${id('venueNotes')}-hint"
      >
${view.values.venueNotes}</textarea>
      <p class="hint" id="${id('venueNotes')}-hint">${t('console.programme.fields.venueNotesHint')}</p>
    </div>
    <div class="times">
      ${timeField('startsAt')} ${zoneSelect('startZone')} ${timeField('endsAt')}
      ${zoneSelect('endZone')}
    </div>
    <div class="field">
      ${label('capacity', 'console.programme.fields.capacity')} ${message('capacity')}
      <input
        id="${id('capacity')}"
        name="capacity"
        inputmode="numeric"
        value="${view.values.capacity}"
        ${described('capacity', true)}
      />
      <p class="hint" id="${id('capacity')}-hint">${t('console.programme.fields.capacityHint')}</p>
    </div>
    <div class="field">
      ${label('description', 'console.programme.fields.description')}
      <textarea id="${id('description')}" name="description" rows="3" maxlength="20000">
${view.values.description}</textarea>
    </div>
    <div class="field">
      ${label('originalLanguage', 'console.programme.fields.originalLanguage')} ${message('originalLanguage')}
      <select id="${id('originalLanguage')}" name="originalLanguage" ${described('originalLanguage')}>
        ${LOCALES.map(
          (language) =>
            html`<option
              value="${language}"
              ${language === view.values.originalLanguage ? html`selected` : null}
            >
              ${t(`console.programme.translations.languages.${language}`)}
            </option>`,
        )}
      </select>
    </div>`;
}

/** The form's message on top: what to correct, linked to nothing but read out at once. */
export function errorSummary(messages: Messages, errors: FormErrors | null): SafeHtml {
  if (!errors) return html``;
  return html`<p class="problem" role="alert">
    ${messages.t(errors.form ?? 'console.programme.errorSummary')}
  </p>`;
}
