import { readableOrganisation } from './audit-access';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';

describe('Reading the audit trail', () => {
  const own = '8d0c5a4e-0000-4000-8000-000000000001';
  const other = '8d0c5a4e-0000-4000-8000-000000000002';

  it('should let an admin read everything, or one organisation on request', () => {
    expect(readableOrganisation({ organisationId: own, role: 'admin' }, undefined)).toBeNull();
    expect(readableOrganisation({ organisationId: own, role: 'admin' }, other)).toBe(other);
  });

  it("should keep an organiser to its own organisation's entries", () => {
    expect(readableOrganisation({ organisationId: own, role: 'organiser' }, undefined)).toBe(own);
    expect(readableOrganisation({ organisationId: own, role: 'organiser' }, own)).toBe(own);
    expect(() => readableOrganisation({ organisationId: own, role: 'organiser' }, other)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
  });

  it('should refuse viewer keys', () => {
    expect(() => readableOrganisation({ organisationId: own, role: 'viewer' }, undefined)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
  });

  it('should hand back the id a cursor was made from and refuse any other text', () => {
    expect(decodeAuditCursor(encodeAuditCursor('9007199254740993'))).toBe('9007199254740993');
    for (const forged of [
      '',
      'abc',
      Buffer.from('audit:0').toString('base64url'),
      Buffer.from("audit:1' OR 1=1").toString('base64url'),
    ]) {
      expect(() => decodeAuditCursor(forged)).toThrow(expect.objectContaining({ kind: 'invalid' }));
    }
  });
});
