import { Response } from 'express';

/**
 * Answer pages carry a secret in their URL: they must not be cached, indexed, framed, or leak
 * the URL to other sites through the Referer header (e.g. when following the online link).
 */
export function sendPage(response: Response, status: number, body: string): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex, nofollow',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    })
    .send(body);
}
