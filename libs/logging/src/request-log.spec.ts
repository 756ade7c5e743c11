import { IncomingMessage } from 'node:http';
import { requestForLog } from './request-log';

const request = (url: string, headers: Record<string, string> = {}) =>
  ({ id: 7, method: 'GET', url, headers }) as unknown as IncomingMessage;

describe(requestForLog.name, () => {
  it('should log no secret of a personal feed or an answer link', () => {
    expect(requestForLog(request('/feeds/personal/pf_0123456789abcdef_secretsecret.ics')).path).toBe(
      '/feeds/personal/…',
    );
    expect(requestForLog(request('/answer/a1b2c3d4e5?choice=accepted')).path).toBe('/answer/…');
  });

  it('should log the path of other requests without query or headers', () => {
    expect(
      requestForLog(request('/api/v1/events?q=Morogoro', { authorization: 'Bearer tp_secret' })),
    ).toEqual({ id: 7, method: 'GET', path: '/api/v1/events' });
  });
});
