/** The Redis pub/sub channel on which producers ask the worker's relays for an immediate pass. */
export function relayChannel(queuePrefix: string): string {
  return `${queuePrefix}:emails:relay`;
}
