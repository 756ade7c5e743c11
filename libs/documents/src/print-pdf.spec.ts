import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { printPdf } from './print-pdf';

/** The text of a PDF as poppler's pdftotext reads it, one string per page. */
function pagesOf(pdf: Buffer): string[] {
  const folder = mkdtempSync(path.join(tmpdir(), 'print-pdf-'));
  try {
    const file = path.join(folder, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe(printPdf.name, () => {
  it('should print one page per page break with German and Swahili letters intact', async () => {
    const pdf = await printPdf({
      content: [
        { text: 'Städtetag Arnsberg–Sundern', style: 'title' },
        { text: 'Karibu Arnsberg: ziara ya ujumbe', pageBreak: 'before' },
      ],
      styles: { title: { bold: true, fontSize: 18 } },
    });

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pagesOf(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Städtetag Arnsberg–Sundern');
    expect(pages[1]).toContain('Karibu Arnsberg: ziara ya ujumbe');
  });

  it('should refuse to fetch an image from the network', async () => {
    await expect(printPdf({ content: [{ image: 'http://127.0.0.1:9/logo.png' }] })).rejects.toThrow();
  });
});
