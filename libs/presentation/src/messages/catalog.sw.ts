import { PartialCatalog } from './catalog';

/**
 * Swahili, for guests from Morogoro. The public calendar page and the skip link have no Swahili
 * texts yet (the calendar is offered in German and English): those keys fall back to English until
 * a translator writes them; `SWAHILI_STILL_MISSING` in the spec lists them.
 */
export const sw: PartialCatalog = {
  common: {
    greeting: 'Habari {{name}},',
    when: 'Lini',
    whenYourTime: 'Lini (saa yako)',
    whenVenueTime: 'Lini (saa za mahali pa tukio)',
    where: 'Wapi',
    online: 'Mtandaoni',
    joinOnline: 'Jiunge mtandaoni',
    yourAnswer: 'Jibu lako',
    cancelled: 'Imeghairiwa',
  },
  answers: {
    accept: 'Nitahudhuria',
    tentative: 'Huenda',
    decline: 'Sitaweza kuhudhuria',
    none: 'bado hujajibu',
  },
  email: {
    subject: {
      invitation: 'Mwaliko: {{title}}',
      update: 'Mabadiliko: {{title}}',
      cancellation: 'Imeghairiwa: {{title}}',
      waitlist_promotion: 'Umepata nafasi: {{title}}',
      reminder: 'Kikumbusho: {{title}}',
    },
    intro: {
      invitation: 'umealikwa kwenye {{title}}.',
      update: '{{title}} imebadilishwa. Haya ndiyo maelezo ya sasa.',
      cancellation: 'samahani, {{title}} imeghairiwa.',
      waitlist_promotion: 'nafasi imepatikana: sasa una nafasi katika {{title}}.',
      reminder: 'tunakukumbusha kuhusu {{title}}.',
    },
    participationCancelled: 'ushiriki wako katika {{title}} umeghairiwa.',
    partOf: '{{title}}, sehemu ya {{parent}}',
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
  answerPage: {
    pageTitle: 'Mwaliko',
    intro: 'Unakaribishwa kwa moyo mkunjufu:',
    seats: 'Nafasi',
    seatsLeft_one: 'Nafasi 1 tu imebaki, kati ya {{capacity}}',
    seatsLeft_other: 'Nafasi {{count}} kati ya {{capacity}} zimebaki',
    status: {
      invited: 'Bado hujajibu.',
      accepted: 'Umekubali.',
      tentative: 'Umejibu “huenda”.',
      declined: 'Umekataa.',
      waitlisted: 'Tukio limejaa; uko kwenye orodha ya kusubiri. Tutakuandikia nafasi itakapopatikana.',
      cancelled: 'Mwaliko huu umeondolewa.',
    },
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
  },
  signInEmail: {
    subject: 'Kiungo chako cha kuingia Treffpunkt',
    inviteSubject: '{{inviter}} anakualika kwenye Treffpunkt',
    intro:
      'tumia kiungo hiki kuingia kwenye dashibodi ya Treffpunkt. Kinafanya kazi mara moja, kwa dakika 15.',
    inviteIntro:
      '{{inviter}} anakualika kupanga matukio ya {{organisation}} kwenye dashibodi ya Treffpunkt. Kiungo kinafanya kazi mara moja, kwa siku 3.',
    button: 'Ingia',
    codeIntro: 'Unafungua dashibodi kwenye kifaa kingine? Weka msimbo huu hapo:',
    ignore: 'Ikiwa hukuomba hili, puuza barua pepe hii: hakuna anayeweza kuingia bila hiyo.',
  },
};
