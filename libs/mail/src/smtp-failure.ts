/** How an SMTP attempt failed, as far as deciding between retrying and giving up goes. */
export interface SmtpFailure {
  /** A 5xx answer or an address no server will take: retrying cannot help. */
  permanent: boolean;
  /** For the outbox row: the server's answer or the connection error, without message content. */
  description: string;
}

interface NodemailerError {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

/**
 * 4xx answers (421 service not available, 451 local error, 452 insufficient storage) and
 * connection problems are temporary. 5xx answers are permanent, except to AUTH (535): wrong
 * credentials are our configuration, and the emails should wait until it is fixed.
 */
export function classifySmtpFailure(error: unknown): SmtpFailure {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  const answer = failure.response ?? failure.message ?? String(error);
  const description = [failure.code, failure.command, answer].filter(Boolean).join(' ').slice(0, 1000);
  if (failure.code === 'EAUTH') return { permanent: false, description };
  if (typeof failure.responseCode === 'number') {
    return { permanent: failure.responseCode >= 500 && failure.responseCode < 600, description };
  }
  // Refused before any server answer: no recipients, or an address nodemailer cannot encode.
  if (failure.code === 'EENVELOPE') return { permanent: true, description };
  return { permanent: false, description };
}
