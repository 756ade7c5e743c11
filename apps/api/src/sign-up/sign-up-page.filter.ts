import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { DomainError } from '@app/errors';
import { Language, languageFromAcceptLanguage, MessageKey } from '@app/presentation';
import { sendPage } from '../answers/send-page';
import { allowFraming } from '../public-calendar/page-framing';
import { isLanguage } from './sign-up-form';
import { signUpLinkMessagePage, signUpMessagePage } from './sign-up.page';

interface ErrorPage {
  status: number;
  title: MessageKey;
  text: MessageKey;
  /** Pages behind the confirmation link are not to be cached, indexed or framed. */
  secret?: boolean;
}

const LINK_INVALID: ErrorPage = {
  status: 404,
  title: 'signUp.linkInvalidTitle',
  text: 'signUp.linkInvalidText',
  secret: true,
};
const CLOSED: ErrorPage = { status: 409, title: 'signUp.closedTitle', text: 'signUp.closedText' };
const TOO_MANY: ErrorPage = { status: 429, title: 'signUp.tooManyTitle', text: 'signUp.tooManyText' };
const BAD_REQUEST: ErrorPage = {
  status: 400,
  title: 'signUp.badRequestTitle',
  text: 'signUp.errorSummary',
};
const FAILED: ErrorPage = { status: 500, title: 'answerPage.errorTitle', text: 'answerPage.errorText' };

/**
 * The sign-up pages fail as pages in the reader's language: a used or expired link, an event that
 * takes no sign-ups, too many attempts. Nothing about the failure (no stack, no SQL) reaches the
 * browser.
 */
@Catch()
export class SignUpPageFilter implements ExceptionFilter {
  private readonly logger = new Logger(SignUpPageFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const page = this.pageFor(exception, request.path);
    if (page.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return;
    const lang = typeof request.query.lang === 'string' ? request.query.lang : undefined;
    const language: Language = isLanguage(lang)
      ? lang
      : languageFromAcceptLanguage(request.headers['accept-language']);
    if (page.secret) {
      sendPage(response, page.status, signUpLinkMessagePage(language, page.title, page.text));
      return;
    }
    allowFraming(response, []);
    response
      .status(page.status)
      .set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      .send(signUpMessagePage(language, page.title, page.text));
  }

  private pageFor(exception: unknown, path: string): ErrorPage {
    const behindLink = path.startsWith('/sign-up/');
    if (exception instanceof DomainError) {
      if (exception.code === 'sign_up_link_unknown') return LINK_INVALID;
      if (exception.code === 'sign_up_closed' || exception.code === 'event_not_found') {
        return { ...CLOSED, status: exception.kind === 'not_found' ? 404 : 409, secret: behindLink };
      }
      if (exception.kind === 'invalid') return { ...BAD_REQUEST, secret: behindLink };
      return FAILED;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // The rate limit's Retry-After is set on the response already.
      if (status === 429) return { ...TOO_MANY, secret: behindLink };
      if (status === 404) return behindLink ? LINK_INVALID : { ...CLOSED, status };
      if (status >= 400 && status < 500) return { ...BAD_REQUEST, status, secret: behindLink };
    }
    return FAILED;
  }
}
