import { AuditError } from './audit.error';

/** Entries page newest first by id; the cursor is the last id handed out. */
export function encodeAuditCursor(id: string): string {
  return Buffer.from(`audit:${id}`).toString('base64url');
}

/** Anything but a cursor this API handed out is a 400, never a failed query. */
export function decodeAuditCursor(cursor: string): string {
  const match = /^audit:([1-9]\d{0,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw AuditError.invalid('cursor', 'The cursor is not one this API handed out.');
  return match[1];
}
