import { JobsOptions, Queue } from 'bullmq';
import { QUEUES, QueueName } from './queue-names';

/** Job names are stored in Redis with every job: never rename one once released. */
export const MAIL_JOBS = {
  /** One email per job, as relayed before emails were batched; still handled for jobs in Redis. */
  deliverEmail: 'deliver-email',
  /** Several emails due at the same time, delivered with one claim and few status writes. */
  deliverEmails: 'deliver-emails',
} as const;

export const AUDIT_JOBS = {
  /** Repeated by a job scheduler in the worker: removes entries older than the retention. */
  pruneAuditTrail: 'prune-audit-trail',
} as const;

/** The retention and the time come from the worker running it, not from the job. */
export type PruneAuditTrailPayload = Record<string, never>;

export const REGISTRATION_JOBS = {
  /** Repeated by a job scheduler in the worker: erases sensitive answers past their retention. */
  eraseSensitiveAnswers: 'erase-sensitive-answers',
} as const;

/** The retention and the time come from the worker running it, not from the job. */
export type EraseSensitiveAnswersPayload = Record<string, never>;

/** Ids only: the processor reloads the outbox row, which is the truth about the email. */
export interface DeliverEmailPayload {
  emailId: string;
}

export interface DeliverEmailsPayload {
  emailIds: string[];
}

export const WEBHOOK_JOBS = {
  /** One attempt of one webhook delivery; the next attempt is a new job, scheduled from the row. */
  deliverWebhook: 'deliver-webhook',
} as const;

export interface DeliverWebhookPayload {
  deliveryId: string;
}

export const SIGN_UP_JOBS = {
  /** Repeated by a job scheduler in the worker: deletes open sign-ups whose confirmation link expired. */
  deleteExpiredSignUps: 'delete-expired-sign-ups',
} as const;

/** The time comes from the worker running it, not from the job. */
export type DeleteExpiredSignUpsPayload = Record<string, never>;

/** Every job name of every queue with its payload; the worker checks each has exactly one handler. */
export interface JobPayloads {
  [QUEUES.mail]: {
    [MAIL_JOBS.deliverEmail]: DeliverEmailPayload;
    [MAIL_JOBS.deliverEmails]: DeliverEmailsPayload;
  };
  [QUEUES.audit]: {
    [AUDIT_JOBS.pruneAuditTrail]: PruneAuditTrailPayload;
  };
  [QUEUES.webhooks]: {
    [WEBHOOK_JOBS.deliverWebhook]: DeliverWebhookPayload;
  };
  [QUEUES.registration]: {
    [REGISTRATION_JOBS.eraseSensitiveAnswers]: EraseSensitiveAnswersPayload;
  };
  [QUEUES.signUps]: {
    [SIGN_UP_JOBS.deleteExpiredSignUps]: DeleteExpiredSignUpsPayload;
  };
}

export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;

export const JOB_NAMES: { [Q in QueueName]: readonly JobName<Q>[] } = {
  [QUEUES.mail]: Object.values(MAIL_JOBS),
  [QUEUES.audit]: Object.values(AUDIT_JOBS),
  [QUEUES.webhooks]: Object.values(WEBHOOK_JOBS),
  [QUEUES.registration]: Object.values(REGISTRATION_JOBS),
  [QUEUES.signUps]: Object.values(SIGN_UP_JOBS),
};

export interface RetryPolicy {
  attempts: number;
  /** Delay before the first retry; BullMQ doubles it for each further one. */
  firstDelayMs: number;
}

/**
 * The one place job options are decided. Completed jobs are removed after a while: the outbox row
 * keeps the result, and the database (not a lingering job id) decides whether an email was sent.
 * Failed jobs are kept for inspection in Bull Board.
 */
export function defaultJobOptions(retry: RetryPolicy): JobsOptions {
  return {
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.firstDelayMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  };
}

export interface JobRequest<Q extends QueueName, N extends JobName<Q> = JobName<Q>> {
  name: N;
  data: JobPayloads[Q][N];
  /** Deterministic, so adding the same job twice while the first exists adds it once. */
  jobId: string;
  /** Milliseconds from now; 0 or absent for right away. */
  delay?: number;
}

/** Adds jobs in one round trip, typed by queue and job name. */
export async function enqueueJobs<Q extends QueueName>(
  queue: Queue,
  requests: JobRequest<Q>[],
  retry: RetryPolicy,
): Promise<void> {
  if (requests.length === 0) return;
  const options = defaultJobOptions(retry);
  await queue.addBulk(
    requests.map((request) => ({
      name: request.name,
      data: request.data,
      opts: { ...options, jobId: request.jobId, delay: Math.max(0, request.delay ?? 0) },
    })),
  );
}
