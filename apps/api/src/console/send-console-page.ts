import { Response } from 'express';

/**
 * Console pages: never cached (they show one person's data), never framed, no Referer to other
 * sites (sign-in links carry a secret in the URL), and no script but our own. `same-origin`
 * rather than `no-referrer`: with the latter, browsers send `Origin: null` on the console's own
 * form posts, which the CSRF check must refuse.
 */
export function sendConsolePage(response: Response, status: number, body: string): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'same-origin',
      'X-Robots-Tag': 'noindex, nofollow',
      'Content-Security-Policy':
        "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    })
    .send(body);
}
