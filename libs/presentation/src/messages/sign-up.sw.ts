import { Catalog } from './catalog';

/** Usajili wazi kwa matukio ya umma. */
export const signUpSw: Catalog['signUp'] = {
  button: 'Jiandikishe',
  seatsLeft_one: 'Imebaki nafasi 1',
  seatsLeft_other: 'Zimebaki nafasi {{count}}',
  waitlist: 'Imejaa: jiandikishe kwenye orodha ya kusubiri',
  deadline: 'Usajili hadi {{deadline}}',
  pageTitle: 'Jiandikishe: {{title}}',
  intro:
    'Jiandikishe kwa jina lako na anwani ya barua pepe; huhitaji akaunti. Tunakutumia barua pepe yenye kiungo, na usajili wako unahesabiwa mara utakapouthibitisha hapo.',
  name: 'Jina lako',
  email: 'Anwani ya barua pepe',
  language: 'Lugha ya barua pepe zetu',
  organisation: 'Shirika (si lazima)',
  organisationHint: 'Kwa mfano chama chako, shule au manispaa.',
  honeypot: 'Acha sehemu hii tupu',
  workshopsNote: 'Ikiwa tukio lina warsha, utazichagua baada ya kuthibitisha, kwenye ukurasa wako binafsi.',
  privacy: 'Usipothibitisha ndani ya saa 48, tunafuta ulichoandika.',
  submit: 'Jiandikishe',
  working: 'Tunahakikisha kwamba mtu ndiye anatuma fomu hii – subiri kidogo…',
  noScript:
    'Fomu hii inafanya hesabu ndogo kwenye kivinjari chako badala ya fumbo la picha, ili kuzuia roboti. Tafadhali ruhusu JavaScript kwa ukurasa huu, au waombe waandaaji wakusajili.',
  badRequestTitle: 'Usajili haukutumwa',
  errorSummary: 'Tafadhali angalia sehemu zilizowekwa alama.',
  nameRequired: 'Tafadhali andika jina lako (herufi 200 au chache).',
  emailInvalid: 'Tafadhali andika anwani sahihi ya barua pepe, kama name@example.org.',
  languageInvalid: 'Tafadhali chagua mojawapo ya lugha.',
  organisationTooLong: 'Tafadhali fupisha jina la shirika hadi herufi 200.',
  tooFast: 'Hiyo ilikuwa haraka sana. Tafadhali angalia ulichoandika na utume fomu tena.',
  challengeInvalid: 'Muda wa fomu hii umekwisha. Tafadhali itume tena.',
  proofMissing:
    'Kivinjari chako hakikufanya ukaguzi dhidi ya roboti. Tafadhali ruhusu JavaScript kwa ukurasa huu na utume fomu tena.',
  closedTitle: 'Usajili umefungwa',
  closedText: 'Tukio hili halipokei usajili (tena).',
  checkTitle: 'Angalia barua pepe yako',
  checkText:
    'Tumetuma ujumbe kwa anwani uliyoandika. Fungua kiungo kilichomo ndani ya saa 48 ili kuthibitisha usajili wako. Hadi hapo hakuna nafasi iliyohifadhiwa kwa ajili yako.',
  checkSpam: 'Hakuna kitu baada ya dakika chache? Angalia folda ya barua taka, au jiandikishe tena.',
  confirmTitle: 'Thibitisha usajili wako',
  confirmText: 'Kumsajili {{name}} kwa {{title}}?',
  confirmButton: 'Thibitisha usajili',
  linkInvalidTitle: 'Kiungo si halali',
  linkInvalidText:
    'Kiungo hiki cha uthibitisho kimeshatumika au muda wake umekwisha. Ikiwa ulithibitisha, kiungo chako binafsi kiko kwenye barua pepe tuliyokutumia wakati huo; vinginevyo tafadhali jiandikishe tena.',
  tooManyTitle: 'Majaribio mengi mno',
  tooManyText: 'Tafadhali subiri kidogo, kisha ujaribu tena.',
  emailSubject: 'Tafadhali thibitisha usajili wako: {{title}}',
  emailIntro:
    'wewe – au mtu mwenye anwani yako – amejiandikisha kwa {{title}} ({{when}}). Tafadhali thibitisha ndani ya saa 48 kwa kitufe kilicho hapa chini. Hadi hapo hakuna nafasi iliyohifadhiwa.',
  emailButton: 'Thibitisha usajili',
  emailIgnore:
    'Hukujiandikisha? Basi puuza barua pepe hii: bila uthibitisho usajili unafutwa baada ya saa 48.',
};
