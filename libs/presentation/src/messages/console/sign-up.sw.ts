import { Catalog } from '../catalog';

export const consoleSignUpSw: Catalog['console']['signUp'] = {
  heading: 'Usajili wazi',
  intro:
    'Kwa usajili wazi, mtu yeyote anaweza kujiandikisha kwenye ukurasa wa kalenda ya umma kwa jina na anwani ya barua pepe, akithibitisha kwa kiungo kinachotumwa huko. Usajili uliothibitishwa ni mialiko: imekubaliwa nafasi zikiwa wazi, kisha kwenye orodha ya kusubiri.',
  open: 'Wazi: kalenda ya umma inapokea usajili hadi {{until}}.',
  untilStart: 'tukio linapoanza',
  closed: 'Imefungwa: walioalikwa tu wanaweza kujibu.',
  notTaking:
    'Imewashwa, lakini tukio halipokei usajili sasa: si la umma na lililochapishwa, limeanza, au muda wa mwisho umepita.',
  notPossible: 'Matukio ya umma yaliyochapishwa tu yanaweza kupokea usajili: chapisha tukio kwanza.',
  seats: '{{taken}} zimechukuliwa, {{left}} zimebaki, {{pending}} wanasubiri uthibitisho wa barua pepe.',
  seatsUnlimited:
    '{{taken}} wamejiandikisha au wamekubali, {{pending}} wanasubiri uthibitisho wa barua pepe.',
  switch: 'Pokea usajili kutoka kalenda ya umma',
  deadline: 'Muda wa mwisho wa usajili (saa za mahali, si lazima)',
  deadlineHint: 'Acha tupu kupokea usajili hadi tukio linapoanza.',
  deadlineInvalid: 'Andika tarehe na saa kabla ya mwanzo wa tukio, au acha tupu.',
  save: 'Hifadhi mipangilio ya usajili',
  saved: 'Mipangilio ya usajili imehifadhiwa.',
  publicPage: 'Fungua ukurasa wa usajili wa umma',
};
