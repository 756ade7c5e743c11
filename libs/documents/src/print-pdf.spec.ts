import { pdfPages } from '@app/testing';
import { printPdf } from './print-pdf';

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
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Städtetag Arnsberg–Sundern');
    expect(pages[1]).toContain('Karibu Arnsberg: ziara ya ujumbe');
  });

  it('should refuse to fetch an image from the network', async () => {
    await expect(printPdf({ content: [{ image: 'http://127.0.0.1:9/logo.png' }] })).rejects.toThrow();
  });
});
