import { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiKeysService } from '@app/access';
import { isAdmin } from '@app/planning';

const REALM = 'Basic realm="Treffpunkt queues", charset="UTF-8"';

/**
 * Guards Bull Board, which is mounted as Express middleware where Nest guards do not reach. An
 * admin API key is accepted as a bearer token or X-Api-Key (scripts) and as the password of HTTP
 * basic auth with any user name (browsers prompt for it on the 401).
 */
export function adminKeyMiddleware(apiKeys: ApiKeysService): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const token = readKey(request);
    if (!token) return deny(response, 401, 'An admin API key is required.');
    apiKeys
      .authenticate(token)
      .then((actor) => {
        if (!actor) return deny(response, 401, 'The API key is unknown or revoked.');
        if (!isAdmin(actor)) return deny(response, 403, 'Only an admin key may open the queue dashboard.');
        next();
      })
      .catch(next);
  };
}

function readKey(request: Request): string | undefined {
  const header = request.headers.authorization ?? '';
  const [scheme, value] = header.split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer' && value) return value;
  if (scheme?.toLowerCase() === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    return separator >= 0 ? decoded.slice(separator + 1) : undefined;
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey : undefined;
}

function deny(response: Response, status: 401 | 403, message: string): void {
  if (status === 401) response.setHeader('WWW-Authenticate', REALM);
  response.status(status).json({ status, code: status === 401 ? 'api_key_missing' : 'forbidden', message });
}
