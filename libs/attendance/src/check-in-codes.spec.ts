import { CheckInCodes } from './check-in-codes';

function codes(secret = 'a-secret-of-at-least-thirty-two-characters') {
  return new CheckInCodes(
    { linkSecret: secret },
    {
      apiPort: 3000,
      apiProcesses: 1,
      workerHealthPort: 3001,
      publicBaseUrl: 'https://treffpunkt.example.org',
      trustProxy: false,
    },
  );
}

const INVITATION = '8d1c7e2a-4b3f-4c5d-9e6f-0a1b2c3d4e5f';
const EVENT = '11111111-2222-4333-8444-555555555555';

describe(CheckInCodes.name, () => {
  it('should name the invitation again from its code, on the console URL a camera opens', () => {
    const code = codes().code(INVITATION);
    expect(codes().invitationOf(code)).toBe(INVITATION);
    expect(codes().url(EVENT, INVITATION)).toBe(
      `https://treffpunkt.example.org/console/check-in/${EVENT}/${code}`,
    );
  });

  it('should refuse a code made up for another invitation, changed, or made with another secret', () => {
    const code = codes().code(INVITATION);
    const other = '9d1c7e2a4b3f4c5d9e6f0a1b2c3d4e5f';
    expect(codes().invitationOf(other + code.slice(32))).toBeNull();
    expect(codes().invitationOf(code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(codes('another-secret-of-at-least-thirty-two-chars').invitationOf(code)).toBeNull();
    expect(codes().invitationOf('../../etc')).toBeNull();
  });
});
