import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { timingSafeEqual } from 'node:crypto';
import { AccountsError } from '@app/accounts';
import { httpConfig } from '@app/config';
import { ConsoleRequest } from './console-request';
import { assertSameOrigin } from './same-origin';

/** The hidden form field that carries the session's synchronizer token. */
export const CSRF_FIELD = '_csrf';

/**
 * CSRF protection of every state-changing console request, once for all: the same-origin check,
 * and the session's synchronizer token in the form. Runs after ConsoleSessionGuard.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(@Inject(httpConfig.KEY) private readonly http: ConfigType<typeof httpConfig>) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return true;
    assertSameOrigin(request, this.http.publicBaseUrl);
    const session = request.consoleSession;
    const sent = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (!session || typeof sent !== 'string' || !sameText(sent, session.csrfToken)) {
      throw new AccountsError(
        'forbidden',
        'csrf_rejected',
        'The form carries no valid token of this session.',
      );
    }
    return true;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
