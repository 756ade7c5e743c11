import { Catalog } from '../catalog';

/** Maswali ya usajili ya tukio katika konsoli, kwa Kiswahili. */
export const consoleQuestionsSw: Catalog['console']['questions'] = {
  link: 'Maswali ya usajili',
  title: 'Maswali ya usajili: {{title}}',
  back: 'Rudi kwa {{title}}',
  intro:
    'Kile watu wanaulizwa wanapojibu mwaliko wao au kujisajili: mahitaji ya chakula na ufikivu, maelezo ya kuwasili, taarifa za pasipoti kwa safari.',
  readOnly: 'Unaweza kusoma maswali. Wasimamizi na waandaaji wa shirika mwenyeji ndio wanaoyabadilisha.',
  none: 'Tukio hili bado haliulizi maswali.',
  saved: 'Maswali yamehifadhiwa.',
  errorSummary: 'Swali halikuhifadhiwa. Tafadhali sahihisha sehemu zilizowekwa alama.',
  inUse: 'Mabadiliko haya yangefanya majibu yaliyopo yasisomeke.',
  addTitle: 'Ongeza swali',
  add: 'Ongeza swali',
  edit: 'Hariri',
  save: 'Hifadhi swali',
  moveUp: 'Sogeza juu',
  moveDown: 'Sogeza chini',
  remove: 'Ondoa',
  removeHint: 'Kuondoa swali kunaondoa majibu yake.',
  fields: {
    label: 'Swali',
    type: 'Aina ya jibu',
    options: 'Majibu ya kuchagua',
    optionsHint:
      'Kwa chaguo tu: moja kwa kila mstari. Jibu lililokwisha chaguliwa haliwezi kuondolewa wala kubadilishwa jina.',
    required: 'Linahitajika ili kukubali',
    askedAt: 'Linaulizwa',
    sensitive: 'Siri (pasipoti, afya, chakula)',
    sensitiveHint:
      'Wasimamizi na waandaaji wa shirika mwenyeji pekee wanaona majibu; yanafutwa baada ya tukio.',
  },
  errors: {
    label: 'Tafadhali andika swali, herufi 300 zaidi.',
    type: 'Tafadhali chagua aina ya jibu.',
    options:
      'Chaguo linahitaji angalau majibu mawili tofauti, moja kwa kila mstari; aina nyingine hazihitaji.',
    askedAt: 'Tafadhali chagua swali linaulizwa lini.',
    inUse:
      'Majibu yanashikilia ulichobadilisha: majibu yaliyochaguliwa yanabaki, na swali lenye majibu linabaki na aina yake. Ongeza swali jipya badala yake.',
  },
  types: {
    text: 'Maandishi',
    single_choice: 'Chaguo moja',
    multiple_choice: 'Chaguo kadhaa',
    yes_no: 'Ndiyo au hapana',
    date: 'Tarehe',
  },
  asked: {
    sign_up: 'wakati wa kujisajili',
    answer: 'pamoja na jibu la mwaliko',
  },
  badges: {
    required: 'linahitajika',
    sensitive: 'siri',
  },
  answersTitle: 'Majibu ya maswali ya usajili',
  noAnswer: 'hakuna jibu',
  hiddenSensitive: 'imefichwa: siri',
  yes: 'Ndiyo',
  no: 'Hapana',
  retention: {
    title: 'Kuhifadhi majibu nyeti',
    default: 'Majibu nyeti hufutwa siku {{count}} baada ya tukio (kawaida).',
    own: 'Majibu nyeti hufutwa siku {{count}} baada ya tukio (kawaida ni {{defaultDays}}).',
    label: 'Siku baada ya tukio',
    hint: 'Kuanzia 0 hadi 3650; acha tupu kwa kawaida ya siku {{defaultDays}}.',
    error: 'Weka idadi kamili ya siku kuanzia 0 hadi {{max}}, au iache tupu.',
    save: 'Hifadhi siku',
  },
};
