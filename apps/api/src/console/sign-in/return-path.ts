import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Response } from 'express';
import { AccountsError, SIGN_IN_VALIDITY_MS } from '@app/accounts';
import { httpConfig } from '@app/config';
import { ConsoleRequest } from '../console-request';

/** Only to resolve a path against: any origin would do, as long as nothing else can match it. */
const HERE = 'http://console.invalid';

/**
 * A console screen to return to after signing in, such as a scanned check-in URL: a path on this
 * site under /console, never an absolute URL, a protocol-relative `//host` or a backslash trick,
 * since sending someone just signed in to another site is how phishing looks trusted. Null for
 * anything else, and for the sign-in screens themselves.
 */
export function returnPathOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000 || !value.startsWith('/')) return null;
  // Browsers read "\" as "/" and drop tabs and newlines, so "/\evil.example" is "//evil.example".
  if (/[\\\s]/.test(value) || value.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return null;
  }
  if (url.origin !== HERE) return null;
  if (url.pathname !== '/console' && !url.pathname.startsWith('/console/')) return null;
  if (url.pathname.startsWith('/console/sign-in')) return null;
  return `${url.pathname}${url.search}`;
}

/** The return path a sign-in form or URL carries: absent is fine, one that is not safe is a 400. */
export function requestedReturnPath(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const path = returnPathOf(value);
  if (!path) {
    throw AccountsError.invalid(
      'next',
      'next: the page to return to must be a path on this site under /console.',
    );
  }
  return path;
}

/**
 * The return path between asking for a sign-in link and confirming it, which happens through an
 * email link, not a form; as long as the link is valid. httpOnly, SameSite=Lax (the link opens with a top-level GET and the
 * confirmation is a same-site POST), Secure and `__Host-` over https. The code form carries it
 * itself.
 */
@Injectable()
export class ReturnPathCookie {
  private readonly secure: boolean;
  private readonly name: string;

  constructor(@Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>) {
    this.secure = http.publicBaseUrl.startsWith('https:');
    this.name = this.secure ? '__Host-treffpunkt_return' : 'treffpunkt_return';
  }

  /** Read again through returnPathOf: a cookie is input like any other. */
  read(request: ConsoleRequest): string | null {
    return returnPathOf(request.cookies?.[this.name]);
  }

  set(response: Response, path: string): void {
    response.cookie(this.name, path, {
      httpOnly: true,
      secure: this.secure,
      sameSite: 'lax',
      path: '/',
      maxAge: SIGN_IN_VALIDITY_MS,
    });
  }

  clear(response: Response): void {
    response.clearCookie(this.name, { httpOnly: true, secure: this.secure, sameSite: 'lax', path: '/' });
  }
}
