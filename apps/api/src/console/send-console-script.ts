import { Response } from 'express';

const SCRIPT_CACHE_SECONDS = 60 * 60;

/** One of the console's small static scripts, served under `script-src 'self'`. */
export function sendConsoleScript(response: Response, script: string): void {
  response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
  response.setHeader('Cache-Control', `public, max-age=${SCRIPT_CACHE_SECONDS}`);
  response.send(script);
}
