import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { IANAZone } from 'luxon';

const DEVELOPMENT_ANSWER_LINK_SECRET = 'treffpunkt-development-answer-link-secret-not-for-production';
const DEVELOPMENT_SIGN_IN_SECRET = 'treffpunkt-development-sign-in-secret-not-for-production';

/** A secret's development default is refused in production. */
function OwnSecretInProduction(developmentDefault: string): PropertyDecorator {
  return ValidateBy({
    name: 'ownSecretInProduction',
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as Environment).NODE_ENV !== 'production' || value !== developmentDefault,
      defaultMessage: () => 'must be set to a secret of your own in production (e.g. openssl rand -hex 32)',
    },
  });
}

/** Single sign-on needs its issuer, client id and secret: any one of them asks for all three. */
const singleSignOnAsked = (environment: Environment): boolean =>
  environment.OIDC_ISSUER_URL !== undefined ||
  environment.OIDC_CLIENT_ID !== undefined ||
  environment.OIDC_CLIENT_SECRET !== undefined;
const TOGETHER = 'must be set together with OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET';

/** An identity provider is reached over https in production: its answers sign people in. */
function HttpsInProduction(): PropertyDecorator {
  return ValidateBy({
    name: 'httpsInProduction',
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as Environment).NODE_ENV !== 'production' ||
        (typeof value === 'string' && value.startsWith('https://')),
      defaultMessage: () => 'must be an https URL in production',
    },
  });
}

/**
 * Every environment variable Treffpunkt reads, validated once at boot so that a typo fails
 * the start with a clear message instead of surfacing later as a confusing runtime error.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/treffpunkt';

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsString()
  QUEUE_PREFIX = 'treffpunkt';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT = 3000;

  /**
   * API processes sharing the port (node:cluster). One process keeps one core busy at most; set it
   * to the number of cores the API may use. Each process has its own caches and feed render thread.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(64)
  API_PROCESSES = 1;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  /** The address people reach the API under; unset, http://localhost on API_PORT. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Treffpunkt <treffpunkt@localhost>';

  @IsString()
  MAIL_ORGANIZER = 'Treffpunkt <treffpunkt@localhost>';

  /** SMTP connections the pooled transport keeps open per worker process. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100)
  SMTP_POOL_SIZE = 5;

  /** Emails one worker process sends at the same time. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(500)
  MAIL_CONCURRENCY = 50;

  /** Attempts per email before a temporary failure counts as failed. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_RETRY_ATTEMPTS = 10;

  /** Delay before the first retry; it doubles with each further attempt. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(10)
  MAIL_RETRY_DELAY_MS = 30_000;

  /** How often the outbox relay looks for emails that have not reached Redis yet. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  MAIL_RELAY_INTERVAL_MS = 5_000;

  /**
   * How long an email may stay `sending` before it counts as cut off by a worker that died and is
   * sent again (with the same Message-ID): longer than an SMTP transaction may take (60 s).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1_000)
  MAIL_SENDING_ABANDONED_AFTER_MS = 90_000;

  /**
   * On SIGTERM, how long the emails in flight may take to finish; what is not done by then stays
   * in the outbox for the next worker. The worker is gone at most 8 s later whatever hangs.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(60_000)
  WORKER_SHUTDOWN_GRACE_MS = 20_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** How often calendar clients are asked to fetch a feed again (REFRESH-INTERVAL). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(5)
  @Max(10080)
  FEED_REFRESH_MINUTES = 60;

  /** Cancelled events stay in feeds this long, as cancelled, so that clients remove them. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(3650)
  FEED_CANCELLED_RETENTION_DAYS = 30;

  /** How far back feeds reach; older events leave them. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(36500)
  FEED_PAST_DAYS = 365;

  /** The zone of the public and partnership feeds and of the public calendar page. */
  @ValidateBy({
    name: 'isIanaZone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value),
      defaultMessage: () => 'must be an IANA time zone name such as Europe/Berlin',
    },
  })
  FEED_TIME_ZONE = 'Europe/Berlin';

  /** Unknown personal-feed tokens one client address may try per 15 minutes before it gets 429. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  FEED_TOKEN_FAILURE_LIMIT = 30;

  /**
   * Which proxies in front of the API are trusted to name the client in X-Forwarded-For, as
   * Express's "trust proxy" takes it: "loopback" (a proxy on the same host), a comma-separated
   * list of addresses or subnets, a number of hops, or "false". Rate limits count per client
   * address, so trusting too much lets a client pick its own address, too little puts everyone
   * behind the proxy into one bucket.
   */
  @IsString()
  @Matches(/^(true|false|\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, {
    message: 'must be "loopback", a list of addresses or subnets, a number of hops, "true" or "false"',
  })
  TRUST_PROXY = 'loopback';

  /** Requests one client address may make to the API per window before it gets 429. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  API_RATE_LIMIT = 600;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(3600)
  API_RATE_WINDOW_SECONDS = 60;

  /**
   * Answers (form POSTs on answer pages) one client address may send per window. Lower than the
   * API's: each answer may send emails, and a person answers once or twice.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  ANSWER_RATE_LIMIT = 30;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(3600)
  ANSWER_RATE_WINDOW_SECONDS = 60;

  /** Console sign-in forms (link requests, codes, link confirmations) one client address may send per window. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_RATE_LIMIT = 20;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(86400)
  SIGN_IN_RATE_WINDOW_SECONDS = 900;

  /** Open sign-up forms and confirmations (public calendar) one client address may send per window. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_UP_RATE_LIMIT = 10;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(86400)
  SIGN_UP_RATE_WINDOW_SECONDS = 600;

  /** How long audit entries are kept; the worker removes older ones every AUDIT_PRUNE_INTERVAL_MINUTES. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(36500)
  AUDIT_RETENTION_DAYS = 730;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(10080)
  AUDIT_PRUNE_INTERVAL_MINUTES = 60;

  /** Days after an event ended when the answers to its sensitive registration questions are erased. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(3650)
  SENSITIVE_ANSWERS_RETENTION_DAYS = 30;

  /** How often the worker looks for sensitive answers past their retention. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(10080)
  SENSITIVE_ANSWERS_ERASE_INTERVAL_MINUTES = 60;

  /**
   * Hosts (names or IP addresses, comma-separated) that webhooks may be delivered to although they
   * are, or resolve to, loopback, private, link-local or other special addresses. Empty: none.
   */
  @IsString()
  @Matches(/^[\w.:\-\[\]]*(\s*,\s*[\w.:\-\[\]]+)*$/, {
    message: 'must be a comma-separated list of host names or IP addresses',
  })
  WEBHOOK_ALLOWED_HOSTS = '';

  /** A PEM file of extra certificate authorities webhook receivers may present (besides the public ones). */
  @IsOptional()
  @IsString()
  WEBHOOK_CA_FILE?: string;

  /** How long one delivery attempt may take, from connecting to the last byte read. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Attempts per webhook delivery before it counts as failed. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(30)
  WEBHOOK_MAX_ATTEMPTS = 8;

  /** Delay before the second attempt; it doubles with each further one (10 min: 8 attempts span ~21 h). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(10)
  WEBHOOK_RETRY_FIRST_DELAY_MS = 600_000;

  /** The longest delay between two attempts, however many came before. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(10)
  WEBHOOK_RETRY_MAX_DELAY_MS = 12 * 3_600_000;

  /** How often the webhook relay looks for deliveries that have not reached Redis yet. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(50)
  WEBHOOK_RELAY_INTERVAL_MS = 5_000;

  /** Deliveries in a row that fail after all attempts before an endpoint is disabled; 0: never. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  WEBHOOK_DISABLE_AFTER_FAILURES = 5;

  /** After a secret rotation, how long the previous secret still signs deliveries too. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(720)
  WEBHOOK_SECRET_OVERLAP_HOURS = 24;

  /** Webhook requests one worker process makes at the same time. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(500)
  WEBHOOK_CONCURRENCY = 20;

  /** Key material that seals answer-link tokens; a leaked database alone then opens no link. */
  @IsString()
  @MinLength(32)
  @OwnSecretInProduction(DEVELOPMENT_ANSWER_LINK_SECRET)
  ANSWER_LINK_SECRET = DEVELOPMENT_ANSWER_LINK_SECRET;

  /**
   * Key material from which sign-in links and codes are derived: the database holds only their
   * digests, and the mail job derives the link again from the request's id with this secret.
   */
  @IsString()
  @MinLength(32)
  @OwnSecretInProduction(DEVELOPMENT_SIGN_IN_SECRET)
  SIGN_IN_SECRET = DEVELOPMENT_SIGN_IN_SECRET;

  /** A console session ends after this many minutes without a request. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(5)
  @Max(1440)
  SESSION_IDLE_MINUTES = 120;

  /** A console session ends this many hours after sign-in, however busy. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(720)
  SESSION_MAX_HOURS = 12;

  /**
   * Single sign-on through OpenID Connect (Keycloak, Entra ID, …): the issuer's URL, from which
   * its endpoints and keys are discovered. Unset: the console signs in by email only.
   */
  @ValidateIf(singleSignOnAsked)
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: `must be the provider's URL (issuer) and ${TOGETHER}` },
  )
  @HttpsInProduction()
  OIDC_ISSUER_URL?: string;

  /** The client registered for Treffpunkt at the provider. */
  @ValidateIf(singleSignOnAsked)
  @IsString({ message: TOGETHER })
  OIDC_CLIENT_ID?: string;

  @ValidateIf(singleSignOnAsked)
  @IsString({ message: TOGETHER })
  OIDC_CLIENT_SECRET?: string;

  /** What the sign-in button calls the provider: "Sign in with Keycloak". */
  @IsString()
  @MinLength(1)
  OIDC_DISPLAY_NAME = 'single sign-on';

  /**
   * Whether an address the provider has not marked verified (email_verified) may sign in: only
   * for a provider that sets addresses itself and does not send the claim.
   */
  @IsIn(['true', 'false'])
  OIDC_REQUIRE_VERIFIED_EMAIL: 'true' | 'false' = 'true';
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const defined = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const environment = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    const details = errors.map(
      (error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`,
    );
    throw new Error(`Invalid configuration:\n  ${details.join('\n  ')}`);
  }
  return environment;
}

/** Every variable Environment reads (SMTP_URL too: class fields are defined even when undefined). */
export const ENVIRONMENT_VARIABLES = Object.keys(new Environment()) as Array<keyof Environment>;

let validated: { variables: string; environment: Environment } | undefined;

/**
 * The environment, validated once: every config namespace reads it at boot, and validating all
 * of it for each was eight times the work. Validated again only when a variable it reads changed,
 * as tests start apps with other settings in one process.
 */
export function readEnvironment(): Environment {
  const variables = JSON.stringify(ENVIRONMENT_VARIABLES.map((name) => process.env[name]));
  if (validated?.variables !== variables) {
    validated = { variables, environment: validateEnvironment(process.env) };
  }
  return validated.environment;
}
