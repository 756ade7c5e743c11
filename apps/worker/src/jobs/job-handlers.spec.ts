import { MAIL_JOBS, QUEUES } from '@app/queue';
import { problemsWithHandlers, QueueHandlers } from './job-handlers';

const handle = (): Promise<void> => Promise.resolve();

function mailProcessor(handlers: Record<string, typeof handle>): QueueHandlers {
  return { queueName: QUEUES.mail, concurrency: 1, handlers } as unknown as QueueHandlers;
}

describe(problemsWithHandlers.name, () => {
  it('should accept one handler for every job name', () => {
    expect(problemsWithHandlers([mailProcessor({ [MAIL_JOBS.deliverEmail]: handle })])).toEqual([]);
  });

  it('should refuse a job name without a handler', () => {
    expect(problemsWithHandlers([])).toEqual([`job "deliver-email" of queue "mail" has 0 handlers`]);
  });

  it('should refuse a job name handled twice', () => {
    const twice = [
      mailProcessor({ [MAIL_JOBS.deliverEmail]: handle }),
      mailProcessor({ [MAIL_JOBS.deliverEmail]: handle }),
    ];
    expect(problemsWithHandlers(twice)).toEqual([`job "deliver-email" of queue "mail" has 2 handlers`]);
  });

  it('should refuse a handler for a job name that does not exist', () => {
    const extra = mailProcessor({ [MAIL_JOBS.deliverEmail]: handle, 'send-fax': handle });
    expect(problemsWithHandlers([extra])).toEqual([`queue "mail" has a handler for unknown job "send-fax"`]);
  });
});
