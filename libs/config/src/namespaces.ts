import { registerAs } from '@nestjs/config';
import { Environment, readEnvironment } from './environment';

/** Where the identity provider sends people back to, under PUBLIC_BASE_URL. */
export const SINGLE_SIGN_ON_CALLBACK_PATH = '/console/sso/callback';

export const databaseConfig = registerAs('db', () => ({ url: readEnvironment().DATABASE_URL }));

export const redisConfig = registerAs('redis', () => {
  const environment = readEnvironment();
  return { url: environment.REDIS_URL, queuePrefix: environment.QUEUE_PREFIX };
});

export const httpConfig = registerAs('http', () => {
  const environment = readEnvironment();
  return {
    apiPort: environment.API_PORT,
    apiProcesses: environment.API_PROCESSES,
    workerHealthPort: environment.WORKER_HEALTH_PORT,
    publicBaseUrl: publicBaseUrl(environment),
    trustProxy: trustProxySetting(environment.TRUST_PROXY),
  };
});

export const smtpConfig = registerAs('smtp', () => {
  const environment = readEnvironment();
  return {
    url: environment.SMTP_URL,
    from: environment.MAIL_FROM,
    organizer: environment.MAIL_ORGANIZER,
    poolSize: environment.SMTP_POOL_SIZE,
  };
});

export const mailConfig = registerAs('mail', () => {
  const environment = readEnvironment();
  return {
    concurrency: environment.MAIL_CONCURRENCY,
    retryAttempts: environment.MAIL_RETRY_ATTEMPTS,
    retryDelayMs: environment.MAIL_RETRY_DELAY_MS,
    relayIntervalMs: environment.MAIL_RELAY_INTERVAL_MS,
    sendingAbandonedAfterMs: environment.MAIL_SENDING_ABANDONED_AFTER_MS,
    shutdownGraceMs: environment.WORKER_SHUTDOWN_GRACE_MS,
  };
});

export const logConfig = registerAs('log', () => {
  const environment = readEnvironment();
  return { level: environment.LOG_LEVEL, pretty: environment.NODE_ENV === 'development' };
});

export const answersConfig = registerAs('answers', () => ({
  linkSecret: readEnvironment().ANSWER_LINK_SECRET,
}));

export const accountsConfig = registerAs('accounts', () => {
  const environment = readEnvironment();
  return {
    signInSecret: environment.SIGN_IN_SECRET,
    sessionIdleMs: environment.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: environment.SESSION_MAX_HOURS * 3_600_000,
  };
});

/**
 * Single sign-on through OpenID Connect, null when OIDC_ISSUER_URL is unset. The provider sends
 * people back to the console's callback under PUBLIC_BASE_URL: register that URL with the client.
 */
export const singleSignOnConfig = registerAs('singleSignOn', () => {
  const environment = readEnvironment();
  if (!environment.OIDC_ISSUER_URL || !environment.OIDC_CLIENT_ID || !environment.OIDC_CLIENT_SECRET) {
    return { provider: null };
  }
  return {
    provider: {
      issuer: environment.OIDC_ISSUER_URL,
      clientId: environment.OIDC_CLIENT_ID,
      clientSecret: environment.OIDC_CLIENT_SECRET,
      redirectUrl: `${publicBaseUrl(environment)}${SINGLE_SIGN_ON_CALLBACK_PATH}`,
      displayName: environment.OIDC_DISPLAY_NAME,
      requireVerifiedEmail: environment.OIDC_REQUIRE_VERIFIED_EMAIL === 'true',
    },
  };
});

export const feedsConfig = registerAs('feeds', () => {
  const environment = readEnvironment();
  return {
    refreshMinutes: environment.FEED_REFRESH_MINUTES,
    cancelledRetentionDays: environment.FEED_CANCELLED_RETENTION_DAYS,
    pastDays: environment.FEED_PAST_DAYS,
    timeZone: environment.FEED_TIME_ZONE,
    tokenFailureLimit: environment.FEED_TOKEN_FAILURE_LIMIT,
  };
});

export const rateLimitsConfig = registerAs('rateLimits', () => {
  const environment = readEnvironment();
  return {
    api: { limit: environment.API_RATE_LIMIT, windowSeconds: environment.API_RATE_WINDOW_SECONDS },
    answers: { limit: environment.ANSWER_RATE_LIMIT, windowSeconds: environment.ANSWER_RATE_WINDOW_SECONDS },
    signIn: { limit: environment.SIGN_IN_RATE_LIMIT, windowSeconds: environment.SIGN_IN_RATE_WINDOW_SECONDS },
    signUp: { limit: environment.SIGN_UP_RATE_LIMIT, windowSeconds: environment.SIGN_UP_RATE_WINDOW_SECONDS },
  };
});

export const auditConfig = registerAs('audit', () => {
  const environment = readEnvironment();
  return {
    retentionDays: environment.AUDIT_RETENTION_DAYS,
    pruneIntervalMs: environment.AUDIT_PRUNE_INTERVAL_MINUTES * 60_000,
  };
});

export const registrationConfig = registerAs('registration', () => {
  const environment = readEnvironment();
  return {
    sensitiveRetentionDays: environment.SENSITIVE_ANSWERS_RETENTION_DAYS,
    eraseIntervalMs: environment.SENSITIVE_ANSWERS_ERASE_INTERVAL_MINUTES * 60_000,
  };
});

export const webhooksConfig = registerAs('webhooks', () => {
  const environment = readEnvironment();
  return {
    allowedHosts: environment.WEBHOOK_ALLOWED_HOSTS.split(',')
      .map((host) => host.trim())
      .filter((host) => host.length > 0),
    caFile: environment.WEBHOOK_CA_FILE ?? null,
    timeoutMs: environment.WEBHOOK_TIMEOUT_MS,
    retry: {
      maxAttempts: environment.WEBHOOK_MAX_ATTEMPTS,
      firstDelayMs: environment.WEBHOOK_RETRY_FIRST_DELAY_MS,
      maxDelayMs: environment.WEBHOOK_RETRY_MAX_DELAY_MS,
    },
    relayIntervalMs: environment.WEBHOOK_RELAY_INTERVAL_MS,
    disableAfterFailures: environment.WEBHOOK_DISABLE_AFTER_FAILURES,
    secretOverlapMs: environment.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000,
    concurrency: environment.WEBHOOK_CONCURRENCY,
  };
});

function publicBaseUrl(environment: Environment): string {
  return (environment.PUBLIC_BASE_URL ?? `http://localhost:${environment.API_PORT}`).replace(/\/+$/, '');
}

/** TRUST_PROXY as Express's "trust proxy" setting wants it: a boolean, a hop count or addresses. */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

export type DatabaseConfig = ReturnType<typeof databaseConfig>;
export type RedisConfig = ReturnType<typeof redisConfig>;
export type HttpConfig = ReturnType<typeof httpConfig>;
export type SmtpConfig = ReturnType<typeof smtpConfig>;
export type MailConfig = ReturnType<typeof mailConfig>;
export type LogConfig = ReturnType<typeof logConfig>;
export type AnswersConfig = ReturnType<typeof answersConfig>;
export type SingleSignOnConfig = ReturnType<typeof singleSignOnConfig>;
export type FeedsConfig = ReturnType<typeof feedsConfig>;
export type RateLimitsConfig = ReturnType<typeof rateLimitsConfig>;
export type AuditConfig = ReturnType<typeof auditConfig>;
export type RegistrationConfig = ReturnType<typeof registrationConfig>;
export type WebhooksConfig = ReturnType<typeof webhooksConfig>;
