import { Body, Post, Req, Res } from '@nestjs/common';
import { Response } from 'express';
import { AccountsService, ConsoleSession, SessionsService } from '@app/accounts';
import { ConsoleCookies } from './console-cookies';
import { LanguageFormDto } from './console-forms.dto';
import { ConsoleRequest } from './console-request';
import { ConsoleScreen } from './console-screen.decorator';
import { CurrentSession } from './current-session.decorator';

/** Sign-out and the language switch: what every screen's header offers. */
@ConsoleScreen('console')
export class ConsoleSessionController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly cookies: ConsoleCookies,
  ) {}

  /** Ends the session on the server: the cookie alone, copied elsewhere, opens nothing afterwards. */
  @Post('sign-out')
  async signOut(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const token = this.cookies.read(request);
    if (token) await this.sessions.end(token);
    this.cookies.clear(response);
    response.redirect(303, '/console/sign-in');
  }

  @Post('language')
  async language(
    @CurrentSession() session: ConsoleSession,
    @Body() form: LanguageFormDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.accounts.setLanguage(session.account.id, form.language);
    response.redirect(303, '/console');
  }
}
