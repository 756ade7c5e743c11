import { html, SafeHtml } from '@app/presentation';
import { ERROR_CATALOGS } from './problems';

/**
 * The page each problem `type` links to: one entry per error code, its anchor the code, listing the
 * libs that raise it. Built from the same catalogs as the answers, so it cannot fall behind them.
 */
export function problemsPage(): SafeHtml {
  const raisedBy = new Map<string, { title: string; libs: string[] }>();
  for (const [lib, catalog] of Object.entries(ERROR_CATALOGS)) {
    for (const [code, title] of Object.entries(catalog)) {
      const entry = raisedBy.get(code) ?? { title, libs: [] };
      entry.libs.push(lib);
      raisedBy.set(code, entry);
    }
  }
  const codes = [...raisedBy.keys()].sort();
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Treffpunkt API error codes</title>
        <style>
          body {
            font:
              16px/1.5 system-ui,
              sans-serif;
            max-width: 44rem;
            margin: 2rem auto;
            padding: 0 1rem;
            color: #1a1a1a;
          }
          dt {
            font-family: ui-monospace, monospace;
            font-weight: 600;
            margin-top: 1rem;
          }
          dt:target {
            background: #fff3b0;
          }
        </style>
      </head>
      <body>
        <main>
          <h1>Treffpunkt API error codes</h1>
          <p>
            Errors are answered as RFC 9457 problem details (<code>application/problem+json</code>). Their
            <code>type</code> links to one of the entries below; <code>code</code> names it too.
          </p>
          <dl>
            ${codes.map((code) => {
              const { title, libs } = raisedBy.get(code)!;
              return html`<dt id="${code}">${code}</dt>
                <dd>${title} <small>(raised by: ${libs.join(', ')})</small></dd>`;
            })}
          </dl>
        </main>
      </body>
    </html>`;
}
