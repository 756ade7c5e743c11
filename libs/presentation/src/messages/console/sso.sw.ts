import { Catalog } from '../catalog';

export const consoleSsoSw: Catalog['console']['sso'] = {
  button: 'Ingia kwa {{provider}}',
  orEmail: 'au',
  startAgain: 'Anza kuingia upya',
  signInByEmail: 'Ingia kwa barua pepe badala yake',
  unknownTitle: 'Bado hakuna akaunti ya anwani hii',
  unknown:
    'Umeingia, lakini hakuna akaunti ya mratibu yenye anwani {{email}}. Mwombe msimamizi wa shirika lako akualike kwenye Treffpunkt.',
  unverifiedTitle: 'Anwani ya barua pepe haijathibitishwa',
  unverified:
    'Mtoa utambulisho wako hajathibitisha anwani yako ya barua pepe, kwa hiyo hawezi kukuingiza hapa. Uliza idara yako ya TEHAMA, au ingia kwa barua pepe.',
  deniedTitle: 'Kuingia hakukuruhusiwa',
  denied: 'Mtoa utambulisho hakukuingiza, kwa mfano kwa sababu ruhusa ilikataliwa. Unaweza kujaribu tena.',
  failedTitle: 'Kuingia hakukukamilika',
  failed:
    'Kuingia huku kulichukua muda mrefu mno, kulianzishwa kwenye kivinjari kingine au hakukulingana. Anza upya kutoka ukurasa wa kuingia.',
  unavailableTitle: 'Mtoa utambulisho hapatikani',
  unavailable:
    'Mtoa utambulisho hakupatikana au alijibu vibaya. Jaribu tena baada ya dakika chache, au ingia kwa barua pepe.',
  offTitle: 'Kuingia mara moja hakujawekwa',
  off: 'Mfumo huu unaingia kwa barua pepe tu.',
};
