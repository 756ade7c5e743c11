import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The text of a PDF as poppler's pdftotext reads it (an independent reader, not the library that
 * wrote it), laid out as printed: one string per page.
 */
export function pdfPages(pdf: Buffer): string[] {
  const folder = mkdtempSync(path.join(tmpdir(), 'pdf-reader-'));
  try {
    const file = path.join(folder, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** All pages' text at once. */
export function pdfText(pdf: Buffer): string {
  return pdfPages(pdf).join('\f');
}
