import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

export type PrintedDocument = TDocumentDefinitions;

const fontFolder = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const font = (file: string) => path.join(fontFolder, file);

// Roboto ships inside pdfmake and covers the Latin letters of German, English and Swahili. A
// document may read nothing else from disk and nothing from the network: its content comes from
// users, and an image URL in it must not become a request from the server.
pdfmake.setFonts({
  Roboto: {
    normal: font('Roboto-Regular.ttf'),
    bold: font('Roboto-Medium.ttf'),
    italics: font('Roboto-Italic.ttf'),
    bolditalics: font('Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontFolder + path.sep));
pdfmake.setUrlAccessPolicy(() => false);

/** Prints a pdfmake document definition as PDF bytes (A4 unless the definition says otherwise). */
export async function printPdf(document: PrintedDocument): Promise<Buffer> {
  return pdfmake.createPdf({ pageSize: 'A4', ...document }).getBuffer();
}
