import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '@app/access';
import { SessionsService, SingleSignOnService } from '@app/accounts';
import { SignInRateLimit } from '../../rate-limits/sign-in-rate-limit.decorator';
import { ConsoleCookies } from '../console-cookies';
import { ConsoleRequest } from '../console-request';
import { SingleSignOnCookie } from './single-sign-on-cookie';
import { SingleSignOnPageFilter } from './single-sign-on-page.filter';

/**
 * Single sign-on through the installation's OpenID Connect provider: off to the provider with a
 * sealed flow in a cookie, back to the callback, signed in with a new session as by email.
 */
@Public()
@ApiExcludeController()
@UseFilters(SingleSignOnPageFilter)
@Controller('console/sso')
export class SingleSignOnController {
  constructor(
    private readonly singleSignOn: SingleSignOnService,
    private readonly sessions: SessionsService,
    private readonly cookies: ConsoleCookies,
    private readonly flowCookie: SingleSignOnCookie,
  ) {}

  @Get()
  async start(@Res() response: Response): Promise<void> {
    const { authorizationUrl, flow } = await this.singleSignOn.start();
    this.flowCookie.set(response, flow);
    response.redirect(303, authorizationUrl);
  }

  @Get('callback')
  @SignInRateLimit()
  async callback(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const flow = this.flowCookie.read(request);
    // A flow is used once, whether it signs in or fails.
    this.flowCookie.clear(response);
    const query = request.originalUrl.includes('?')
      ? request.originalUrl.slice(request.originalUrl.indexOf('?'))
      : '';
    const signedIn = await this.singleSignOn.finish(query, flow);
    const { token } = await this.sessions.start(
      signedIn.account.id,
      signedIn.organisationId,
      this.cookies.read(request),
      'single_sign_on',
    );
    this.cookies.set(response, token);
    response.redirect(303, '/console');
  }
}
