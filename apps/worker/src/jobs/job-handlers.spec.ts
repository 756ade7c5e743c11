import { AUDIT_JOBS, MAIL_JOBS, QUEUES, REGISTRATION_JOBS, SIGN_UP_JOBS, WEBHOOK_JOBS } from '@app/queue';
import { problemsWithHandlers, QueueHandlers } from './job-handlers';

const handle = (): Promise<void> => Promise.resolve();

function mailProcessor(handlers: Record<string, typeof handle>): QueueHandlers {
  return { queueName: QUEUES.mail, concurrency: 1, handlers };
}

const everyMailJob = { [MAIL_JOBS.deliverEmail]: handle, [MAIL_JOBS.deliverEmails]: handle };
/** The other queues' processors, complete, so that each test speaks of the mail queue alone. */
const auditProcessor: QueueHandlers = {
  queueName: QUEUES.audit,
  concurrency: 1,
  handlers: { [AUDIT_JOBS.pruneAuditTrail]: handle },
};

const webhookProcessor: QueueHandlers = {
  queueName: QUEUES.webhooks,
  concurrency: 1,
  handlers: { [WEBHOOK_JOBS.deliverWebhook]: handle },
};

const registrationProcessor: QueueHandlers = {
  queueName: QUEUES.registration,
  concurrency: 1,
  handlers: { [REGISTRATION_JOBS.eraseSensitiveAnswers]: handle },
};

const signUpProcessor: QueueHandlers = {
  queueName: QUEUES.signUps,
  concurrency: 1,
  handlers: { [SIGN_UP_JOBS.deleteExpiredSignUps]: handle },
};

describe(problemsWithHandlers.name, () => {
  it('should accept one handler for every job name', () => {
    expect(
      problemsWithHandlers([
        mailProcessor(everyMailJob),
        auditProcessor,
        webhookProcessor,
        registrationProcessor,
        signUpProcessor,
      ]),
    ).toEqual([]);
  });

  it('should refuse a job name without a handler', () => {
    expect(problemsWithHandlers([webhookProcessor, registrationProcessor, signUpProcessor])).toEqual([
      `job "deliver-email" of queue "mail" has 0 handlers`,
      `job "deliver-emails" of queue "mail" has 0 handlers`,
      `job "prune-audit-trail" of queue "audit" has 0 handlers`,
    ]);
    expect(
      problemsWithHandlers([
        mailProcessor({ [MAIL_JOBS.deliverEmails]: handle }),
        auditProcessor,
        webhookProcessor,
        registrationProcessor,
        signUpProcessor,
      ]),
    ).toEqual([`job "deliver-email" of queue "mail" has 0 handlers`]);
  });

  it('should refuse a job name handled twice', () => {
    const twice = [
      mailProcessor(everyMailJob),
      mailProcessor({ [MAIL_JOBS.deliverEmails]: handle }),
      auditProcessor,
      webhookProcessor,
      registrationProcessor,
      signUpProcessor,
    ];
    expect(problemsWithHandlers(twice)).toEqual([`job "deliver-emails" of queue "mail" has 2 handlers`]);
  });

  it('should refuse a handler for a job name that does not exist', () => {
    const extra = mailProcessor({ ...everyMailJob, 'send-fax': handle });
    expect(
      problemsWithHandlers([extra, auditProcessor, webhookProcessor, registrationProcessor, signUpProcessor]),
    ).toEqual([`queue "mail" has a handler for unknown job "send-fax"`]);
  });
});
