import { EmailKind } from '@app/emails';

export type MailLocale = 'de' | 'en' | 'sw';

export interface MailTexts {
  subject: Record<EmailKind, string>;
  greeting: string;
  intro: Record<EmailKind, string>;
  /** Replaces intro.cancellation when only the person's participation ends, not the event. */
  participationCancelled: string;
  /** Appended to the title of a workshop: "{title}, part of {parent}". */
  partOf: string;
  when: string;
  yourTime: string;
  venueTime: string;
  where: string;
  online: string;
  yourAnswer: string;
  answers: Record<'NEEDS-ACTION' | 'ACCEPTED' | 'TENTATIVE' | 'DECLINED', string>;
  answerPrompt: string;
  answerButton: string;
  changeAnswerButton: string;
  calendarNote: string;
  cancelCalendarNote: string;
  /** Heads the list of parts a cancellation took with it. */
  partsCancelled: string;
  /** Heads the list of parts in an update. */
  programme: string;
  partCancelledMark: string;
  partWaitlistedMark: string;
  footer: string;
}

/** Placeholders: {name}, {title}, {parent}. Formal address in German. */
export const TEXTS: Record<MailLocale, MailTexts> = {
  en: {
    subject: {
      invitation: 'Invitation: {title}',
      update: 'Updated: {title}',
      cancellation: 'Cancelled: {title}',
      waitlist_promotion: 'You have a place: {title}',
      reminder: 'Reminder: {title}',
    },
    greeting: 'Hello {name},',
    intro: {
      invitation: 'you are invited to {title}.',
      update: '{title} has changed. These are the current details.',
      cancellation: 'unfortunately, {title} has been cancelled.',
      waitlist_promotion: 'a place has become free: you now have a seat at {title}.',
      reminder: 'this is a reminder of {title}.',
    },
    participationCancelled: 'your participation in {title} has been cancelled.',
    partOf: '{title}, part of {parent}',
    when: 'When',
    yourTime: 'your time',
    venueTime: 'local time at the venue',
    where: 'Where',
    online: 'Online',
    yourAnswer: 'Your answer',
    answers: {
      'NEEDS-ACTION': 'not given yet',
      ACCEPTED: 'I will attend',
      TENTATIVE: 'maybe',
      DECLINED: 'I will not attend',
    },
    answerPrompt: 'Please let us know whether you will attend:',
    answerButton: 'Answer now',
    changeAnswerButton: 'View or change your answer',
    calendarNote: 'The attached calendar entry adds the event to your calendar and keeps it up to date.',
    cancelCalendarNote: 'The attached calendar update removes the event from your calendar.',
    partsCancelled: 'Cancelled with it, from your programme:',
    programme: 'Your programme:',
    partCancelledMark: 'cancelled',
    partWaitlistedMark: 'waiting list',
    footer: 'Sent by Treffpunkt, the event planner of your municipality.',
  },
  de: {
    subject: {
      invitation: 'Einladung: {title}',
      update: 'Geändert: {title}',
      cancellation: 'Abgesagt: {title}',
      waitlist_promotion: 'Platz frei: {title}',
      reminder: 'Erinnerung: {title}',
    },
    greeting: 'Guten Tag {name},',
    intro: {
      invitation: 'Sie sind herzlich zu {title} eingeladen.',
      update: '{title} hat sich geändert. Hier die aktuellen Angaben.',
      cancellation: '{title} wurde leider abgesagt.',
      waitlist_promotion: 'ein Platz ist frei geworden: Sie sind jetzt für {title} angemeldet.',
      reminder: 'wir erinnern Sie an {title}.',
    },
    participationCancelled: 'Ihre Teilnahme an {title} wurde storniert.',
    partOf: '{title} im Rahmen von {parent}',
    when: 'Wann',
    yourTime: 'Ihre Zeit',
    venueTime: 'Ortszeit am Veranstaltungsort',
    where: 'Wo',
    online: 'Online',
    yourAnswer: 'Ihre Antwort',
    answers: {
      'NEEDS-ACTION': 'noch offen',
      ACCEPTED: 'Ich nehme teil',
      TENTATIVE: 'Vielleicht',
      DECLINED: 'Ich nehme nicht teil',
    },
    answerPrompt: 'Bitte teilen Sie uns mit, ob Sie teilnehmen:',
    answerButton: 'Jetzt antworten',
    changeAnswerButton: 'Antwort ansehen oder ändern',
    calendarNote:
      'Der angehängte Kalendereintrag trägt den Termin in Ihren Kalender ein und hält ihn aktuell.',
    cancelCalendarNote: 'Die angehängte Kalenderänderung entfernt den Termin aus Ihrem Kalender.',
    partsCancelled: 'Damit entfällt aus Ihrem Programm:',
    programme: 'Ihr Programm:',
    partCancelledMark: 'abgesagt',
    partWaitlistedMark: 'Warteliste',
    footer: 'Versandt von Treffpunkt, dem Veranstaltungsplaner Ihrer Kommune.',
  },
  sw: {
    subject: {
      invitation: 'Mwaliko: {title}',
      update: 'Mabadiliko: {title}',
      cancellation: 'Imeghairiwa: {title}',
      waitlist_promotion: 'Umepata nafasi: {title}',
      reminder: 'Kikumbusho: {title}',
    },
    greeting: 'Habari {name},',
    intro: {
      invitation: 'umealikwa kwenye {title}.',
      update: '{title} imebadilishwa. Haya ndiyo maelezo ya sasa.',
      cancellation: 'samahani, {title} imeghairiwa.',
      waitlist_promotion: 'nafasi imepatikana: sasa una nafasi katika {title}.',
      reminder: 'tunakukumbusha kuhusu {title}.',
    },
    participationCancelled: 'ushiriki wako katika {title} umeghairiwa.',
    partOf: '{title}, sehemu ya {parent}',
    when: 'Lini',
    yourTime: 'saa yako',
    venueTime: 'saa za mahali pa tukio',
    where: 'Wapi',
    online: 'Mtandaoni',
    yourAnswer: 'Jibu lako',
    answers: {
      'NEEDS-ACTION': 'bado hujajibu',
      ACCEPTED: 'Nitahudhuria',
      TENTATIVE: 'Labda',
      DECLINED: 'Sitahudhuria',
    },
    answerPrompt: 'Tafadhali tujulishe kama utahudhuria:',
    answerButton: 'Jibu sasa',
    changeAnswerButton: 'Angalia au badilisha jibu lako',
    calendarNote: 'Kalenda iliyoambatishwa inaongeza tukio kwenye kalenda yako na kulisasisha.',
    cancelCalendarNote: 'Sasisho la kalenda lililoambatishwa linaondoa tukio kwenye kalenda yako.',
    partsCancelled: 'Pia vimeghairiwa katika ratiba yako:',
    programme: 'Ratiba yako:',
    partCancelledMark: 'imeghairiwa',
    partWaitlistedMark: 'orodha ya kusubiri',
    footer: 'Imetumwa na Treffpunkt, mpangaji wa matukio wa manispaa yako.',
  },
};

export function textsFor(locale: string): { locale: MailLocale; texts: MailTexts } {
  const known: MailLocale = locale === 'de' || locale === 'sw' ? locale : 'en';
  return { locale: known, texts: TEXTS[known] };
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => values[key] ?? placeholder);
}
