import { MAIL_JOBS, QUEUES } from '@app/queue';
import { problemsWithHandlers, QueueHandlers } from './job-handlers';

const handle = (): Promise<void> => Promise.resolve();

function mailProcessor(handlers: Record<string, typeof handle>): QueueHandlers {
  return { queueName: QUEUES.mail, concurrency: 1, handlers } as unknown as QueueHandlers;
}

const everyMailJob = { [MAIL_JOBS.deliverEmail]: handle, [MAIL_JOBS.deliverEmails]: handle };

describe(problemsWithHandlers.name, () => {
  it('should accept one handler for every job name', () => {
    expect(problemsWithHandlers([mailProcessor(everyMailJob)])).toEqual([]);
  });

  it('should refuse a job name without a handler', () => {
    expect(problemsWithHandlers([])).toEqual([
      `job "deliver-email" of queue "mail" has 0 handlers`,
      `job "deliver-emails" of queue "mail" has 0 handlers`,
    ]);
    expect(problemsWithHandlers([mailProcessor({ [MAIL_JOBS.deliverEmails]: handle })])).toEqual([
      `job "deliver-email" of queue "mail" has 0 handlers`,
    ]);
  });

  it('should refuse a job name handled twice', () => {
    const twice = [mailProcessor(everyMailJob), mailProcessor({ [MAIL_JOBS.deliverEmails]: handle })];
    expect(problemsWithHandlers(twice)).toEqual([`job "deliver-emails" of queue "mail" has 2 handlers`]);
  });

  it('should refuse a handler for a job name that does not exist', () => {
    const extra = mailProcessor({ ...everyMailJob, 'send-fax': handle });
    expect(problemsWithHandlers([extra])).toEqual([`queue "mail" has a handler for unknown job "send-fax"`]);
  });
});
