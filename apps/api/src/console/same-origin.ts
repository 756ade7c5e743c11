import { Request } from 'express';
import { AccountsError } from '@app/accounts';

/**
 * Refuses a state-changing request a browser sent from another site: Sec-Fetch-Site, where the
 * browser sends it, must say same-origin; otherwise Origin, where sent, must be this server's own
 * (as the request reached it, or PUBLIC_BASE_URL behind a proxy). Clients that send neither (curl)
 * are not browsers another site could drive.
 */
export function assertSameOrigin(request: Request, publicBaseUrl: string): void {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin') throw crossSite();
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const own = [new URL(publicBaseUrl).origin, `${request.protocol}://${request.get('host') ?? ''}`];
  if (!own.includes(origin)) throw crossSite();
}

function crossSite(): AccountsError {
  return new AccountsError('forbidden', 'csrf_rejected', 'The form was not sent from this site.');
}
