import { Request } from 'express';
import { ConsoleSession } from '@app/accounts';

/** The session cookie: `__Host-` when served over https, so that no subdomain or path can set it. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-treffpunkt_session' : 'treffpunkt_session';
}

export type ConsoleRequest = Request & {
  cookies?: Record<string, string | undefined>;
  consoleSession?: ConsoleSession;
};
