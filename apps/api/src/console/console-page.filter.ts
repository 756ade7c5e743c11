import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleSession } from '@app/accounts';
import { DomainError } from '@app/errors';
import { html, Language, languageFromAcceptLanguage, MessageKey, messagesFor } from '@app/presentation';
import { consolePage, signedOutPage } from './console-layout';
import { ConsoleRequest } from './console-request';
import { sendConsolePage } from './send-console-page';
import { returnPathOf } from './sign-in/return-path';

interface ErrorPage {
  status: number;
  title: MessageKey;
  /** The text of the page; a domain error's own message when absent (it says what was wrong). */
  text?: MessageKey;
  /** Where the reader goes on from here. */
  next?: { path: string; label: MessageKey };
}

const SIGN_IN_AGAIN = { path: '/console/sign-in', label: 'console.newLink' } as const;

/**
 * The console fails as pages in the reader's language, never as JSON or a stack trace: no
 * session sends the browser to sign in; an expired, used or forged link, a cross-site form, a
 * role that may not, wrong input and too many attempts each get a page that says what to do.
 */
@Catch()
export class ConsolePageFilter implements ExceptionFilter {
  private readonly logger = new Logger(ConsolePageFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<ConsoleRequest>();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof DomainError && exception.code === 'session_required') {
      response.redirect(303, signInPath(request));
      return;
    }
    const page = pageFor(exception);
    if (page.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const session = request.consoleSession;
    const language: Language =
      session?.account.language ?? languageFromAcceptLanguage(request.headers['accept-language']);
    const { t } = messagesFor(language);
    const detail =
      page.text !== undefined
        ? t(page.text)
        : exception instanceof DomainError || exception instanceof HttpException
          ? problemText(exception)
          : t('answerPage.errorText');
    const next =
      page.next ?? (session ? { path: '/console', label: 'console.back' as const } : SIGN_IN_AGAIN);
    const body = html`<h1>${t(page.title)}</h1>
      <p class="problem" role="alert">${detail}</p>
      <p><a href="${next.path}">${t(next.label)}</a></p>`;
    sendConsolePage(
      response,
      page.status,
      session ? errorInSession(session, t(page.title), body) : signedOutPage(language, t(page.title), body),
    );
  }
}

/**
 * Sign-in, keeping the language asked for and the screen the reader opened (a scanned check-in
 * URL on a phone not signed in), so that signing in ends there rather than on the overview. Only
 * a page is returned to: a form posted without a session is not replayed.
 */
function signInPath(request: ConsoleRequest): string {
  const lang = request.query.lang;
  const next = request.method === 'GET' ? returnPathOf(request.originalUrl) : null;
  const query = new URLSearchParams({
    ...(lang === 'de' || lang === 'en' ? { lang } : {}),
    ...(next && next !== '/console' ? { next } : {}),
  }).toString();
  return query ? `/console/sign-in?${query}` : '/console/sign-in';
}

function errorInSession(session: ConsoleSession, title: string, body: ReturnType<typeof html>): string {
  return consolePage({ session, screen: 'overview', title, body });
}

function pageFor(exception: unknown): ErrorPage {
  if (exception instanceof DomainError) {
    switch (exception.code) {
      case 'sign_in_link_invalid':
        return {
          status: 400,
          title: 'console.invalidLinkTitle',
          text: 'console.invalidLink',
          next: SIGN_IN_AGAIN,
        };
      case 'csrf_rejected':
        return { status: 403, title: 'console.csrfTitle', text: 'console.csrf' };
      default:
    }
    if (exception.kind === 'forbidden')
      return { status: 403, title: 'console.forbiddenTitle', text: 'console.forbidden' };
    if (exception.kind === 'not_found') return { status: 404, title: 'console.invalidInputTitle' };
    if (exception.kind === 'invalid' || exception.kind === 'conflict') {
      return { status: exception.kind === 'invalid' ? 400 : 409, title: 'console.invalidInputTitle' };
    }
    return { status: 500, title: 'answerPage.errorTitle', text: 'answerPage.errorText' };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 429) return { status, title: 'console.tooManyTitle', text: 'console.tooMany' };
    if (status === 404) return { status, title: 'console.invalidInputTitle' };
    if (status >= 400 && status < 500) return { status, title: 'console.invalidInputTitle' };
  }
  return { status: 500, title: 'answerPage.errorTitle', text: 'answerPage.errorText' };
}

/** What was wrong, from the error's field problems where it has them. */
function problemText(exception: DomainError | HttpException): string {
  if (exception instanceof DomainError) {
    return exception.problems.length > 0
      ? exception.problems.map((problem) => problem.message).join(' ')
      : exception.message;
  }
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'problems' in response) {
    const problems = (response as { problems: Array<{ field: string; message: string }> }).problems;
    if (problems.length > 0)
      return problems.map((problem) => `${problem.field}: ${problem.message}`).join(' ');
  }
  return exception.message;
}
