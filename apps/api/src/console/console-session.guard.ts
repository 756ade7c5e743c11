import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AccountsError, SessionsService } from '@app/accounts';
import { ConsoleCookies } from './console-cookies';
import { ConsoleRequest } from './console-request';

/** Console screens need a session; without one the page filter sends the browser to sign in. */
@Injectable()
export class ConsoleSessionGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionsService,
    private readonly cookies: ConsoleCookies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const token = this.cookies.read(request);
    const session = token ? await this.sessions.resume(token) : null;
    if (!session) throw new AccountsError('forbidden', 'session_required', 'Sign in to continue.');
    request.consoleSession = session;
    return true;
  }
}
