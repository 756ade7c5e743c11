import { Catalog } from '../catalog';

export const consoleExportsSw: Catalog['console']['exports'] = {
  heading: 'Vipakuliwa',
  participantsHint:
    'Orodha ya washiriki: mstari mmoja kwa kila mwaliko, pamoja na majibu na nafasi za warsha.',
  participantsCsv: 'Hamisha washiriki (CSV)',
  participantsXlsx: 'Hamisha washiriki (Excel)',
  includeSensitive: 'Jumuisha majibu nyeti',
  sensitiveHint:
    'Kama namba za pasipoti au mahitaji ya afya. Kumbukumbu za ukaguzi zinaonyesha nani aliyehamisha.',
  printProgramme: 'Chapisha ratiba',
  language: 'Lugha ya ratiba',
};
