import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Response } from 'express';
import { accountsConfig, httpConfig } from '@app/config';
import { ConsoleRequest, sessionCookieName } from './console-request';

/**
 * The session cookie: httpOnly, SameSite=Lax (a link from an email still arrives signed in, a
 * cross-site form post does not), Secure and `__Host-` when PUBLIC_BASE_URL is https.
 */
@Injectable()
export class ConsoleCookies {
  private readonly secure: boolean;
  private readonly name: string;

  constructor(
    @Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>,
    @Inject(accountsConfig.KEY) private readonly accounts: ConfigType<typeof accountsConfig>,
  ) {
    this.secure = http.publicBaseUrl.startsWith('https:');
    this.name = sessionCookieName(this.secure);
  }

  read(request: ConsoleRequest): string | undefined {
    const token: unknown = request.cookies?.[this.name];
    return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
  }

  set(response: Response, token: string): void {
    response.cookie(this.name, token, {
      httpOnly: true,
      secure: this.secure,
      sameSite: 'lax',
      path: '/',
      maxAge: this.accounts.sessionMaxMs,
    });
  }

  clear(response: Response): void {
    response.clearCookie(this.name, { httpOnly: true, secure: this.secure, sameSite: 'lax', path: '/' });
  }
}
