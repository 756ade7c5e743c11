import { createHash } from 'node:crypto';

/** Namespace of every id the demo seed derives; fixed so that ids stay the same across runs and machines. */
export const DEMO_NAMESPACE = '71726ffd-cb90-45db-91d8-9fd0c3922c84';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Name-based UUID, version 5 (RFC 9562): the same namespace and name always give the same id. */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID_PATTERN.test(namespace)) throw new Error(`"${namespace}" is not a UUID.`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of a demo record, from a stable key such as "event:staedtetag-2022/digitalisierung".
 * Loading the programme again finds the same rows and updates them instead of adding copies.
 */
export function demoId(
  kind:
    | 'organisation'
    | 'partnership'
    | 'person'
    | 'event'
    | 'invitation'
    | 'workshop-choice'
    | 'host-assignment'
    | 'room-assignment',
  key: string,
): string {
  return uuidV5(`${kind}:${key}`, DEMO_NAMESPACE);
}
