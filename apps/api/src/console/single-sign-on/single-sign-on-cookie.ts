import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Response } from 'express';
import { SINGLE_SIGN_ON_FLOW_VALIDITY_MS } from '@app/accounts';
import { httpConfig } from '@app/config';
import { ConsoleRequest } from '../console-request';

/**
 * The sealed flow (state, nonce, PKCE verifier) between leaving for the identity provider and
 * coming back: httpOnly, SameSite=Lax (the provider sends the browser back with a top-level GET,
 * which carries it), Secure and `__Host-` over https, and only as long as a sign-in may take.
 */
@Injectable()
export class SingleSignOnCookie {
  private readonly secure: boolean;
  private readonly name: string;

  constructor(@Inject(httpConfig.KEY) http: ConfigType<typeof httpConfig>) {
    this.secure = http.publicBaseUrl.startsWith('https:');
    this.name = this.secure ? '__Host-treffpunkt_sso' : 'treffpunkt_sso';
  }

  read(request: ConsoleRequest): string | undefined {
    const flow: unknown = request.cookies?.[this.name];
    return typeof flow === 'string' ? flow : undefined;
  }

  set(response: Response, flow: string): void {
    response.cookie(this.name, flow, {
      httpOnly: true,
      secure: this.secure,
      sameSite: 'lax',
      path: '/',
      maxAge: SINGLE_SIGN_ON_FLOW_VALIDITY_MS,
    });
  }

  clear(response: Response): void {
    response.clearCookie(this.name, { httpOnly: true, secure: this.secure, sameSite: 'lax', path: '/' });
  }
}
