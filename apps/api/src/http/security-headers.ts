import helmet from 'helmet';
import { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * The security headers of every answer, set by helmet. The policy fits what the API serves besides
 * JSON: the answer and public-calendar pages (inline styles, no scripts, forms posting to
 * themselves), Swagger UI at /docs and Bull Board (scripts from this origin, inline styles, Google
 * Fonts). No upgrade-insecure-requests: a development or intranet installation is reached over
 * plain http, and a TLS proxy in front makes every link https anyway. Pages that need less (the
 * answer pages) send a stricter policy of their own.
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'https:', 'data:'],
      styleSrc: ["'self'", 'https:', "'unsafe-inline'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
});

/**
 * The same headers as values, taken once from helmet at start-up, for the answers written by the
 * HTTP server before Express (warm feeds), which must carry them too but must stay cheap.
 */
export const SECURITY_HEADERS: Readonly<OutgoingHttpHeaders> = Object.freeze(headersOf(securityHeaders));

function headersOf(middleware: typeof securityHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name] = value),
    removeHeader: () => undefined,
  } as unknown as ServerResponse;
  middleware({} as IncomingMessage, response, () => undefined);
  return headers;
}
