import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { DomainError } from '@app/errors';
import { languageFromAcceptLanguage, MessageKey } from '@app/presentation';
import { renderMessagePage } from './answer-page';
import { sendPage } from './send-page';

interface ErrorPage {
  status: number;
  title: MessageKey;
  text: MessageKey;
}

const NOT_FOUND: ErrorPage = {
  status: 404,
  title: 'answerPage.notFoundTitle',
  text: 'answerPage.notFoundText',
};
const CANCELLED: ErrorPage = {
  status: 409,
  title: 'answerPage.cancelled',
  text: 'answerPage.cancelledNoAnswers',
};
const BAD_REQUEST: ErrorPage = {
  status: 400,
  title: 'answerPage.badRequestTitle',
  text: 'answerPage.badRequestText',
};
const TOO_MANY: ErrorPage = { status: 429, title: 'answerPage.tooManyTitle', text: 'answerPage.tooManyText' };
const FAILED: ErrorPage = { status: 500, title: 'answerPage.errorTitle', text: 'answerPage.errorText' };

/**
 * The answer pages fail as pages, not as JSON: an unknown or revoked link is a friendly 404 in
 * the reader's language, and nothing about the failure (no stack, no SQL) reaches the browser.
 */
@Catch()
export class AnswerPageFilter implements ExceptionFilter {
  private readonly logger = new Logger(AnswerPageFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const page = this.pageFor(exception);
    if (page.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return;
    const language = languageFromAcceptLanguage(request.headers['accept-language']);
    sendPage(response, page.status, renderMessagePage(language, page.title, page.text));
  }

  private pageFor(exception: unknown): ErrorPage {
    if (exception instanceof DomainError) {
      if (exception.code === 'event_cancelled') return CANCELLED;
      if (exception.kind === 'not_found') return NOT_FOUND;
      if (exception.kind === 'invalid') return BAD_REQUEST;
      return FAILED;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) return NOT_FOUND;
      // The rate limit's Retry-After is set on the response already.
      if (status === 429) return TOO_MANY;
      if (status >= 400 && status < 500) return { ...BAD_REQUEST, status };
    }
    return FAILED;
  }
}
