import { Job } from 'bullmq';
import { JOB_NAMES, JobName, JobPayloads, QueueName, QUEUES } from '@app/queue';

/** `token` is the job's lock, for handlers that hand their job back to the queue. */
export type JobHandler<Q extends QueueName, N extends JobName<Q>> = (
  job: Job<JobPayloads[Q][N]>,
  token?: string,
) => Promise<unknown>;

/** A processor names its queue and one handler per job name (the compiler checks it is complete). */
export interface QueueHandlers<Q extends QueueName = QueueName> {
  readonly queueName: Q;
  readonly handlers: { [N in JobName<Q>]: JobHandler<Q, N> };
  /** Jobs this process runs at the same time from this queue. */
  readonly concurrency: number;
  /** Called on shutdown before BullMQ waits for the active jobs: stop taking up new work in them. */
  beforeClose?(): void;
  /** The shutdown grace ran out: cut short what is in flight, leaving its work for the next worker. */
  abandonInFlight?(): void;
}

export function isQueueHandlers(value: unknown): value is QueueHandlers {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<QueueHandlers>).queueName === 'string' &&
    typeof (value as Partial<QueueHandlers>).handlers === 'object'
  );
}

/** Runs the handler registered for the job's name; a name without one is a deployment error. */
export async function dispatchJob(processor: QueueHandlers, job: Job, token?: string): Promise<unknown> {
  const handler = (processor.handlers as Record<string, (job: Job, token?: string) => Promise<unknown>>)[
    job.name
  ];
  if (!handler) throw new Error(`No handler for job "${job.name}" in queue "${processor.queueName}"`);
  return handler(job, token);
}

/**
 * Every job name of every queue must have exactly one handler among the processors of this
 * process, and no handler may be for a name that does not exist. A worker that would silently
 * drop or double-handle a kind of job refuses to start instead.
 */
export function problemsWithHandlers(processors: QueueHandlers[]): string[] {
  const problems: string[] = [];
  for (const queueName of Object.values(QUEUES)) {
    const known: readonly string[] = JOB_NAMES[queueName];
    const ofQueue = processors.filter((processor) => processor.queueName === queueName);
    for (const name of known) {
      const count = ofQueue.filter((processor) => Object.hasOwn(processor.handlers, name)).length;
      if (count !== 1) problems.push(`job "${name}" of queue "${queueName}" has ${count} handlers`);
    }
    for (const processor of ofQueue) {
      for (const name of Object.keys(processor.handlers)) {
        if (!known.includes(name))
          problems.push(`queue "${queueName}" has a handler for unknown job "${name}"`);
      }
    }
  }
  for (const processor of processors) {
    if (!(Object.values(QUEUES) as string[]).includes(processor.queueName)) {
      problems.push(`a processor handles unknown queue "${processor.queueName}"`);
    }
  }
  return problems;
}
