import { Response } from 'express';
import { ExportedFile } from '@app/exports';

/**
 * Sends an export as a download. Participant lists hold personal data: no cache keeps a copy,
 * and the file name in both forms, plain for old clients and UTF-8 (RFC 6266) for the rest.
 */
export function sendExportedFile(response: Response, file: ExportedFile): void {
  response.setHeader('Content-Type', file.contentType);
  response.setHeader(
    'Content-Disposition',
    `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  );
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Content-Length', String(file.body.length));
  response.end(file.body);
}
