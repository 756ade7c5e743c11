/** Queue names are part of what is stored in Redis: never rename one once released. */
export const QUEUES = {
  mail: 'mail',
  audit: 'audit',
  webhooks: 'webhooks',
  registration: 'registration',
  signUps: 'sign-ups',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
