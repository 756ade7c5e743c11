import { Body, Controller, Get, Logger, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '@app/access';
import { InvitationError, SignUpSecrets, SignUpsService } from '@app/invitations';
import { Language } from '@app/presentation';
import { sendPage } from '../answers/send-page';
import { allowFraming } from '../public-calendar/page-framing';
import { SignUpRateLimit } from '../rate-limits/sign-up-rate-limit.decorator';
import { isLanguage, readSignUpForm, SignUpFormDto, signUpRequestOf } from './sign-up-form';
import { confirmSignUpPage, signUpFormPage, signUpSentPage } from './sign-up.page';
import { SignUpPageFilter } from './sign-up-page.filter';

/**
 * Read once: a small static script, copied beside the build by nest-cli's assets. Named apart from
 * the .ts files here, whose build output Node would load for the same name.
 */
const SCRIPT = readFileSync(join(__dirname, 'proof-of-work.script.js'), 'utf8');
const SCRIPT_CACHE_SECONDS = 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Open sign-up from the public calendar: the form, the page after it, and the confirmation link's
 * page, whose button confirms. No account: the confirmed address is the credential, and the
 * person continues on the answer page invitees use.
 */
@Public()
@ApiExcludeController()
@UseFilters(SignUpPageFilter)
@Controller()
export class SignUpPagesController {
  private readonly logger = new Logger(SignUpPagesController.name);

  constructor(
    private readonly signUps: SignUpsService,
    private readonly secrets: SignUpSecrets,
  ) {}

  @Get('calendar/sign-up.js')
  script(@Res() response: Response): void {
    response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    response.setHeader('Cache-Control', `public, max-age=${SCRIPT_CACHE_SECONDS}`);
    response.send(SCRIPT);
  }

  @Get('calendar/events/:id/sign-up')
  async form(@Param('id') id: string, @Query('lang') lang: string | undefined, @Res() response: Response) {
    const offer = await this.signUps.offer(eventIdOf(id));
    sendFormPage(
      response,
      200,
      signUpFormPage({
        language: pageLanguage(lang),
        offer,
        challenge: this.secrets.challenge(offer.event.id),
      }),
    );
  }

  /**
   * Refuses, at the fields, what is missing or wrong and a failed check against bots; a filled-in
   * honeypot is answered as a success and stores nothing. Whatever the address, a stored sign-up
   * ends on the same page.
   */
  @Post('calendar/events/:id/sign-up')
  @SignUpRateLimit()
  async signUp(
    @Param('id') id: string,
    @Query('lang') lang: string | undefined,
    @Body() body: SignUpFormDto,
    @Res() response: Response,
  ) {
    const language = pageLanguage(lang);
    const offer = await this.signUps.offer(eventIdOf(id));
    const sent = `/calendar/events/${offer.event.id}/sign-up/sent?lang=${language}`;
    if (body.website) {
      this.logger.log(`A sign-up for event ${offer.event.id} filled in the honeypot; nothing was stored`);
      return response.redirect(303, sent);
    }
    const challenge = this.secrets.check(offer.event.id, body.challenge ?? '', body.proof || undefined);
    const entered = readSignUpForm(body, language, challenge);
    if (Object.keys(entered.problems).length > 0) {
      return sendFormPage(
        response,
        400,
        signUpFormPage({ language, offer, challenge: this.secrets.challenge(offer.event.id), entered }),
      );
    }
    await this.signUps.request(signUpRequestOf(offer.event.id, entered.values));
    response.redirect(303, sent);
  }

  @Get('calendar/events/:id/sign-up/sent')
  async sent(@Param('id') id: string, @Query('lang') lang: string | undefined, @Res() response: Response) {
    const offer = await this.signUps.offer(eventIdOf(id));
    sendFormPage(response, 200, signUpSentPage(pageLanguage(lang), offer));
  }

  @Get('sign-up/:token')
  async confirmation(@Param('token') token: string, @Res() response: Response) {
    sendPage(response, 200, confirmSignUpPage(await this.signUps.pending(token)));
  }

  @Post('sign-up/:token')
  @SignUpRateLimit()
  async confirm(@Param('token') token: string, @Res() response: Response) {
    const answerToken = await this.signUps.confirm(token);
    // Relative, so that it also works behind a proxy that mounts the app under a path.
    response.redirect(303, `../answer/${encodeURIComponent(answerToken)}`);
  }
}

/** Calendar pages are public: cached briefly by nobody (they carry a fresh challenge), framed as the calendar is not. */
function sendFormPage(response: Response, status: number, body: string): void {
  allowFraming(response, []);
  response.status(status).setHeader('Cache-Control', 'no-store');
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.send(body);
}

function pageLanguage(lang: string | undefined): Language {
  return isLanguage(lang) ? lang : 'de';
}

/** Ids as planning stores them; anything else names no event. */
function eventIdOf(id: string): string {
  if (!UUID.test(id)) throw InvitationError.notFound('event', id);
  return id.toLowerCase();
}
