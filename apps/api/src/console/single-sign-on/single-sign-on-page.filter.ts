import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { Response } from 'express';
import { AccountsError, AccountsErrorCode } from '@app/accounts';
import { Language, languageFromAcceptLanguage, MessageKey, messagesFor } from '@app/presentation';
import { ConsolePageFilter } from '../console-page.filter';
import { ConsoleRequest } from '../console-request';
import { sendConsolePage } from '../send-console-page';
import { SingleSignOnProblem, singleSignOnProblemPage } from './single-sign-on.pages';

/**
 * Single sign-on fails as a page that says what happened and where to go on: no account for the
 * address (ask for an invitation), an unverified address, a refusal at the provider, a spoilt or
 * expired flow, a provider that is down. Anything else is the console's usual error page.
 */
@Catch()
export class SingleSignOnPageFilter implements ExceptionFilter {
  private readonly console = new ConsolePageFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<ConsoleRequest>();
    const response = http.getResponse<Response>();
    const language: Language = languageFromAcceptLanguage(request.headers['accept-language']);
    const problem = exception instanceof AccountsError ? problemOf(exception, language) : null;
    if (!problem || response.headersSent) {
      this.console.catch(exception, host);
      return;
    }
    sendConsolePage(response, problem.status, singleSignOnProblemPage(language, problem));
  }
}

type Next = 'startAgain' | 'byEmail';

/** Each failure of single sign-on: its status, its texts and where the reader goes on. */
const PROBLEMS: Partial<
  Record<AccountsErrorCode, { status: number; title: MessageKey; text: MessageKey; next: Next }>
> = {
  account_unknown: {
    status: 403,
    title: 'console.sso.unknownTitle',
    text: 'console.sso.unknown',
    next: 'byEmail',
  },
  single_sign_on_email_unverified: {
    status: 403,
    title: 'console.sso.unverifiedTitle',
    text: 'console.sso.unverified',
    next: 'byEmail',
  },
  single_sign_on_denied: {
    status: 403,
    title: 'console.sso.deniedTitle',
    text: 'console.sso.denied',
    next: 'startAgain',
  },
  single_sign_on_failed: {
    status: 400,
    title: 'console.sso.failedTitle',
    text: 'console.sso.failed',
    next: 'startAgain',
  },
  single_sign_on_unavailable: {
    status: 502,
    title: 'console.sso.unavailableTitle',
    text: 'console.sso.unavailable',
    next: 'byEmail',
  },
  single_sign_on_off: {
    status: 404,
    title: 'console.sso.offTitle',
    text: 'console.sso.off',
    next: 'byEmail',
  },
};

const NEXT: Record<Next, { path: string; label: MessageKey }> = {
  startAgain: { path: '/console/sso', label: 'console.sso.startAgain' },
  byEmail: { path: '/console/sign-in', label: 'console.sso.signInByEmail' },
};

function problemOf(
  error: AccountsError,
  language: Language,
): (SingleSignOnProblem & { status: number }) | null {
  const problem = PROBLEMS[error.code];
  if (!problem) return null;
  const { t } = messagesFor(language);
  const next = NEXT[problem.next];
  return {
    status: problem.status,
    title: t(problem.title),
    // account_unknown carries the address the provider proved, which the person may not expect.
    text: t(problem.text, { email: typeof error.details === 'string' ? error.details : '' }),
    next: { path: next.path, label: t(next.label) },
  };
}
