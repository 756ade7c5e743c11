import { Response } from 'express';

/** A CSV download (reports with personal data): never cached. */
export function sendCsv(response: Response, filename: string, csv: string): void {
  response
    .status(200)
    .set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    })
    .send(csv);
}
