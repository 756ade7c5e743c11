import { InvitationStatus } from '@app/invitations';
import { Locale, LOCALES } from '@app/planning';

export interface AnswerTexts {
  /** Luxon/Intl locale for dates and times. */
  dateLocale: string;
  pageTitle: string;
  greeting: (name: string) => string;
  intro: string;
  when: string;
  yourTime: (zone: string) => string;
  localTime: (zone: string) => string;
  place: string;
  online: string;
  joinOnline: string;
  seatsLeft: (left: number, capacity: number) => string;
  status: Record<InvitationStatus, string>;
  yourAnswer: string;
  accept: string;
  tentative: string;
  decline: string;
  workshops: string;
  workshopsHint: string;
  full: string;
  yourSeat: string;
  youWait: string;
  submit: string;
  saved: string;
  cancelled: string;
  cancelledNoAnswers: string;
  notFoundTitle: string;
  notFoundText: string;
  badRequestTitle: string;
  badRequestText: string;
  tooManyTitle: string;
  tooManyText: string;
  errorTitle: string;
  errorText: string;
}

const de: AnswerTexts = {
  dateLocale: 'de-DE',
  pageTitle: 'Einladung',
  greeting: (name) => `Hallo ${name},`,
  intro: 'Sie sind herzlich eingeladen:',
  when: 'Wann',
  yourTime: (zone) => `Ihre Zeit (${zone})`,
  localTime: (zone) => `Ortszeit der Veranstaltung (${zone})`,
  place: 'Ort',
  online: 'Online',
  joinOnline: 'Online teilnehmen',
  seatsLeft: (left, capacity) => `${left} von ${capacity} Plätzen frei`,
  status: {
    invited: 'Sie haben noch nicht geantwortet.',
    accepted: 'Sie haben zugesagt.',
    tentative: 'Sie haben mit „vielleicht“ geantwortet.',
    declined: 'Sie haben abgesagt.',
    waitlisted:
      'Die Veranstaltung ist ausgebucht; Sie stehen auf der Warteliste. Wir schreiben Ihnen, sobald ein Platz frei wird.',
    cancelled: 'Diese Einladung wurde zurückgezogen.',
  },
  yourAnswer: 'Ihre Antwort',
  accept: 'Ich nehme teil',
  tentative: 'Vielleicht',
  decline: 'Ich kann nicht teilnehmen',
  workshops: 'Workshops und Programmpunkte',
  workshopsHint:
    'Wählen Sie, woran Sie teilnehmen möchten. Die Plätze werden in der Reihenfolge der Antworten vergeben; ist ein Workshop voll, kommen Sie auf die Warteliste.',
  full: 'ausgebucht – Warteliste',
  yourSeat: 'Ihr Platz ist bestätigt',
  youWait: 'Sie stehen auf der Warteliste',
  submit: 'Antwort senden',
  saved: 'Vielen Dank, Ihre Antwort ist gespeichert.',
  cancelled: 'Diese Veranstaltung wurde abgesagt.',
  cancelledNoAnswers: 'Antworten sind nicht mehr möglich.',
  notFoundTitle: 'Link ungültig',
  notFoundText:
    'Dieser Antwort-Link ist unbekannt oder nicht mehr gültig. Bitte nutzen Sie den Link aus Ihrer neuesten Einladung oder wenden Sie sich an die Veranstalter.',
  badRequestTitle: 'Antwort unvollständig',
  badRequestText: 'Bitte gehen Sie zurück und wählen Sie eine der Antworten.',
  tooManyTitle: 'Zu viele Versuche',
  tooManyText: 'Bitte warten Sie eine Minute und senden Sie Ihre Antwort dann noch einmal.',
  errorTitle: 'Etwas ist schiefgelaufen',
  errorText: 'Bitte versuchen Sie es in einem Moment noch einmal.',
};

const en: AnswerTexts = {
  dateLocale: 'en-GB',
  pageTitle: 'Invitation',
  greeting: (name) => `Hello ${name},`,
  intro: 'You are warmly invited to:',
  when: 'When',
  yourTime: (zone) => `Your time (${zone})`,
  localTime: (zone) => `Local time of the event (${zone})`,
  place: 'Place',
  online: 'Online',
  joinOnline: 'Join online',
  seatsLeft: (left, capacity) => `${left} of ${capacity} seats left`,
  status: {
    invited: 'You have not answered yet.',
    accepted: 'You have accepted.',
    tentative: 'You have answered “maybe”.',
    declined: 'You have declined.',
    waitlisted:
      'The event is full; you are on the waiting list. We will write to you as soon as a seat becomes free.',
    cancelled: 'This invitation has been withdrawn.',
  },
  yourAnswer: 'Your answer',
  accept: 'I will attend',
  tentative: 'Maybe',
  decline: 'I cannot attend',
  workshops: 'Workshops and sessions',
  workshopsHint:
    'Choose what you would like to attend. Seats are given in the order of answers; when a workshop is full, you are put on its waiting list.',
  full: 'full – waiting list',
  yourSeat: 'Your seat is confirmed',
  youWait: 'You are on the waiting list',
  submit: 'Send answer',
  saved: 'Thank you, your answer has been saved.',
  cancelled: 'This event has been cancelled.',
  cancelledNoAnswers: 'Answers are no longer possible.',
  notFoundTitle: 'Link not valid',
  notFoundText:
    'This answer link is unknown or no longer valid. Please use the link from your most recent invitation, or contact the organisers.',
  badRequestTitle: 'Answer incomplete',
  badRequestText: 'Please go back and choose one of the answers.',
  tooManyTitle: 'Too many attempts',
  tooManyText: 'Please wait a minute, then send your answer again.',
  errorTitle: 'Something went wrong',
  errorText: 'Please try again in a moment.',
};

const sw: AnswerTexts = {
  dateLocale: 'sw-TZ',
  pageTitle: 'Mwaliko',
  greeting: (name) => `Habari ${name},`,
  intro: 'Unakaribishwa kwa moyo mkunjufu:',
  when: 'Lini',
  yourTime: (zone) => `Saa yako (${zone})`,
  localTime: (zone) => `Saa za mahali pa tukio (${zone})`,
  place: 'Mahali',
  online: 'Mtandaoni',
  joinOnline: 'Jiunge mtandaoni',
  seatsLeft: (left, capacity) => `Nafasi ${left} kati ya ${capacity} zimebaki`,
  status: {
    invited: 'Bado hujajibu.',
    accepted: 'Umekubali.',
    tentative: 'Umejibu “huenda”.',
    declined: 'Umekataa.',
    waitlisted: 'Tukio limejaa; uko kwenye orodha ya kusubiri. Tutakuandikia nafasi itakapopatikana.',
    cancelled: 'Mwaliko huu umeondolewa.',
  },
  yourAnswer: 'Jibu lako',
  accept: 'Nitahudhuria',
  tentative: 'Huenda',
  decline: 'Sitaweza kuhudhuria',
  workshops: 'Warsha na vikao',
  workshopsHint:
    'Chagua unavyotaka kuhudhuria. Nafasi zinatolewa kwa mpangilio wa majibu; warsha ikijaa, utawekwa kwenye orodha ya kusubiri.',
  full: 'imejaa – orodha ya kusubiri',
  yourSeat: 'Nafasi yako imethibitishwa',
  youWait: 'Uko kwenye orodha ya kusubiri',
  submit: 'Tuma jibu',
  saved: 'Asante, jibu lako limehifadhiwa.',
  cancelled: 'Tukio hili limeghairiwa.',
  cancelledNoAnswers: 'Majibu hayawezekani tena.',
  notFoundTitle: 'Kiungo si halali',
  notFoundText:
    'Kiungo hiki cha kujibu hakijulikani au si halali tena. Tafadhali tumia kiungo kutoka kwenye mwaliko wako wa hivi karibuni, au wasiliana na waandaaji.',
  badRequestTitle: 'Jibu halijakamilika',
  badRequestText: 'Tafadhali rudi nyuma na uchague mojawapo ya majibu.',
  tooManyTitle: 'Majaribio mengi mno',
  tooManyText: 'Tafadhali subiri dakika moja, kisha utume jibu lako tena.',
  errorTitle: 'Kuna hitilafu',
  errorText: 'Tafadhali jaribu tena baada ya muda mfupi.',
};

const TEXTS: Record<Locale, AnswerTexts> = { de, en, sw };

export function answerTexts(locale: Locale): AnswerTexts {
  return TEXTS[locale] ?? en;
}

/** The best of our languages for a browser's Accept-Language, for pages that know no person. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  const wanted = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...parameters] = part.trim().split(';');
      const quality = parameters.find((parameter) => parameter.trim().startsWith('q='));
      return {
        language: tag.trim().slice(0, 2).toLowerCase(),
        quality: quality ? Number(quality.split('=')[1]) : 1,
      };
    })
    .filter((entry) => entry.language && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality);
  return (
    wanted
      .map((entry) => entry.language)
      .find((language): language is Locale => (LOCALES as readonly string[]).includes(language)) ?? 'en'
  );
}
