/**
 * One job per attempt, named after the delivery and the attempt's number: adding the same attempt
 * twice is one job, and a stale job of an earlier attempt can be told apart. BullMQ refuses ':'
 * in custom job ids.
 */
export function webhookJobId(deliveryId: string, attempt: number): string {
  return `${deliveryId}-a${attempt}`;
}

/** The attempt a job was added for; 0 for an id that is not one of ours. */
export function attemptOfJob(jobId: string): number {
  const match = /-a(\d+)$/.exec(jobId);
  return match ? Number(match[1]) : 0;
}
