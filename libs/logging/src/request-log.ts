import { IncomingMessage, ServerResponse } from 'node:http';

/** Path segments that are secrets: personal feed tokens and answer links. */
const SECRET_IN_PATH = /^(\/(?:feeds\/personal|answer)\/)[^/?]+/;

/**
 * A request as logged: its id, method and path, with the secret of a personal feed or an answer
 * link replaced and the query left out. No headers: they carry keys, cookies and addresses,
 * and redacting them cost more than the rest of a request's logging.
 */
export function requestForLog(request: IncomingMessage & { id?: unknown }) {
  const path = (request.url ?? '').split('?')[0].replace(SECRET_IN_PATH, '$1…');
  return { id: request.id, method: request.method, path };
}

export function responseForLog(response: ServerResponse) {
  return { statusCode: response.statusCode };
}
