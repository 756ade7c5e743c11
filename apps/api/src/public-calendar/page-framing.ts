import { Response } from 'express';

/**
 * The public pages run only scripts of our own (search suggestions, which fetch from us); their
 * structured data is not executed.
 */
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'";

/**
 * Lets the page be framed by Treffpunkt itself and by the sites the organisation allowed (see
 * EmbeddingOriginsService). helmet's X-Frame-Options: DENY would contradict an allowed site, and
 * browsers that know frame-ancestors ignore it anyway, so it goes where other sites may frame.
 */
export function allowFraming(response: Response, origins: readonly string[]): void {
  response.setHeader(
    'Content-Security-Policy',
    `${PAGE_POLICY}; frame-ancestors ${["'self'", ...origins].join(' ')}`,
  );
  if (origins.length > 0) response.removeHeader('X-Frame-Options');
}
