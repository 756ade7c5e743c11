import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

export type PrintedDocument = TDocumentDefinitions;

type Pdfmake = typeof import('pdfmake');

let loaded: Pdfmake | null = null;

/**
 * pdfmake and its font metrics are loaded on the first print, not at start-up: the worker
 * imports this lib through the hosting lib but prints nothing while sending mail, and the
 * module costs each of its processes several megabytes of heap it would carry all along.
 */
function pdfmake(): Pdfmake {
  // A dynamic import() would hand over a namespace copy without the methods of pdfmake's
  // instance (its module.exports); require gives the instance, as the default import did.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= configured(require('pdfmake') as Pdfmake);
  return loaded;
}

function configured(library: Pdfmake): Pdfmake {
  const fontFolder = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const font = (file: string) => path.join(fontFolder, file);
  // Roboto ships inside pdfmake and covers the Latin letters of German, English and Swahili. A
  // document may read nothing else from disk and nothing from the network: its content comes from
  // users, and an image URL in it must not become a request from the server.
  library.setFonts({
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  });
  library.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontFolder + path.sep));
  library.setUrlAccessPolicy(() => false);
  return library;
}

/** Prints a pdfmake document definition as PDF bytes (A4 unless the definition says otherwise). */
export async function printPdf(document: PrintedDocument): Promise<Buffer> {
  return pdfmake().createPdf({ pageSize: 'A4', ...document }).getBuffer();
}
