import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '@app/access';
import { AccountsError, SessionsService, SignedIn, SignInService, SingleSignOnService } from '@app/accounts';
import { httpConfig } from '@app/config';
import { Language, languageFromAcceptLanguage } from '@app/presentation';
import { SignInRateLimit } from '../../rate-limits/sign-in-rate-limit.decorator';
import { ConsoleCookies } from '../console-cookies';
import { CodeFormDto, SignInFormDto } from '../console-forms.dto';
import { ConsolePageFilter } from '../console-page.filter';
import { ConsoleRequest } from '../console-request';
import { assertSameOrigin } from '../same-origin';
import { sendConsolePage } from '../send-console-page';
import { requestedReturnPath, ReturnPathCookie } from './return-path';
import { confirmPage, linkSentPage, signInPage } from './sign-in.pages';

/**
 * Sign-in by email: ask for a link, confirm it (a POST, so that mail scanners use nothing), or
 * type the code on another device. Each sign-in starts a new session with a new token.
 */
@Public()
@ApiExcludeController()
@UseFilters(ConsolePageFilter)
@Controller('console/sign-in')
export class SignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
    private readonly cookies: ConsoleCookies,
    private readonly singleSignOn: SingleSignOnService,
    private readonly returnPath: ReturnPathCookie,
    @Inject(httpConfig.KEY) private readonly http: ConfigType<typeof httpConfig>,
  ) {}

  /** `next`: the console screen that sent the reader here, such as a scanned check-in URL. */
  @Get()
  show(
    @Query('lang') lang: string | undefined,
    @Query('next') next: string | undefined,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): void {
    const returnPath = requestedReturnPath(next);
    sendConsolePage(
      response,
      200,
      signInPage(pageLanguage(lang, request), this.singleSignOn.displayName, returnPath),
    );
  }

  @Post()
  @SignInRateLimit()
  async requestLink(@Body() form: SignInFormDto, @Req() request: ConsoleRequest, @Res() response: Response) {
    assertSameOrigin(request, this.http.publicBaseUrl);
    const returnPath = requestedReturnPath(form.next);
    await this.signIn.requestLink(form.email);
    if (returnPath) this.returnPath.set(response, returnPath);
    else this.returnPath.clear(response);
    sendConsolePage(
      response,
      200,
      linkSentPage(pageLanguage(form.lang, request), form.email.trim(), returnPath),
    );
  }

  @Post('code')
  @SignInRateLimit()
  async withCode(@Body() form: CodeFormDto, @Req() request: ConsoleRequest, @Res() response: Response) {
    assertSameOrigin(request, this.http.publicBaseUrl);
    const returnPath = requestedReturnPath(form.next);
    await this.startSession(
      await this.signIn.redeemCode(form.email, form.code),
      request,
      response,
      returnPath,
    );
  }

  @Get(':token')
  async confirm(@Param('token') token: string, @Req() request: ConsoleRequest, @Res() response: Response) {
    const language = await this.signIn.usableLinkLanguage(token);
    if (!language) {
      throw new AccountsError(
        'invalid',
        'sign_in_link_invalid',
        'This sign-in link is not valid (any more).',
      );
    }
    sendConsolePage(response, 200, confirmPage(pageLanguage(language, request), token));
  }

  @Post(':token')
  @SignInRateLimit()
  async withLink(@Param('token') token: string, @Req() request: ConsoleRequest, @Res() response: Response) {
    assertSameOrigin(request, this.http.publicBaseUrl);
    const signedIn = await this.signIn.redeemLink(token);
    await this.startSession(signedIn, request, response, this.returnPath.read(request));
  }

  private async startSession(
    signedIn: SignedIn,
    request: ConsoleRequest,
    response: Response,
    returnPath: string | null,
  ): Promise<void> {
    const { token } = await this.sessions.start(
      signedIn.account.id,
      signedIn.organisationId,
      this.cookies.read(request),
    );
    this.cookies.set(response, token);
    this.returnPath.clear(response);
    response.redirect(303, returnPath ?? '/console');
  }
}

function pageLanguage(lang: string | undefined, request: ConsoleRequest): Language {
  if (lang === 'de' || lang === 'en') return lang;
  const accepted = languageFromAcceptLanguage(request.headers['accept-language']);
  return accepted === 'de' ? 'de' : 'en';
}
