import { classifySmtpFailure } from './smtp-failure';

describe(classifySmtpFailure.name, () => {
  it('should treat 4xx answers as temporary', () => {
    const failure = classifySmtpFailure({
      code: 'EENVELOPE',
      responseCode: 421,
      response: '421 Try again later',
      command: 'MAIL FROM',
    });
    expect(failure).toEqual({ permanent: false, description: 'EENVELOPE MAIL FROM 421 Try again later' });
  });

  it('should treat 5xx answers as permanent', () => {
    expect(
      classifySmtpFailure({ code: 'EENVELOPE', responseCode: 550, response: '550 No such user' }).permanent,
    ).toBe(true);
    expect(
      classifySmtpFailure({ code: 'EMESSAGE', responseCode: 554, response: '554 Rejected' }).permanent,
    ).toBe(true);
  });

  it('should retry when our credentials are refused, since that is configuration', () => {
    expect(
      classifySmtpFailure({ code: 'EAUTH', responseCode: 535, response: '535 Bad credentials' }).permanent,
    ).toBe(false);
  });

  it('should retry connection errors', () => {
    expect(
      classifySmtpFailure({ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:1025' }).permanent,
    ).toBe(false);
    expect(classifySmtpFailure(new Error('socket hang up')).permanent).toBe(false);
  });

  it('should not retry an envelope nodemailer refuses before talking to a server', () => {
    expect(classifySmtpFailure({ code: 'EENVELOPE', message: 'No recipients defined' }).permanent).toBe(true);
  });
});
