import { createHash } from 'node:crypto';
import { createGzip } from 'node:zlib';

/**
 * One encoding of a feed's bytes with its strong validator. A big feed stays the list of pieces
 * it was put together from (its entries, shared with the entry cache): copying megabytes into one
 * buffer on every change would cost more than the change. Small feeds are one piece.
 */
export interface FeedRepresentation {
  etag: string;
  parts: Buffer[];
  length: number;
}

/** Feeds up to this size are kept as one buffer, which a warm request writes in one call. */
const ONE_PIECE_BYTES = 1024 * 1024;
/** How much of a feed goes to the compressor, to Redis or to a socket at a time. */
export const FEED_CHUNK_BYTES = 256 * 1024;

export function representationOf(parts: Buffer[]): FeedRepresentation {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const pieces = length <= ONE_PIECE_BYTES && parts.length > 1 ? [Buffer.concat(parts, length)] : parts;
  return { etag: strongEtag(pieces), parts: pieces, length };
}

/** A strong validator: a digest of exactly the bytes served (some milliseconds per 10 MB). */
export function strongEtag(parts: Buffer[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return `"${hash.digest('base64url')}"`;
}

/** The gzip encoding, compressed on libuv's thread pool a chunk at a time. */
export async function gzipOf(identity: FeedRepresentation): Promise<FeedRepresentation> {
  const gzip = createGzip();
  const output: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => output.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    gzip.once('end', resolve);
    gzip.once('error', reject);
  });
  for (const chunk of feedChunks(identity.parts)) {
    const piece = chunk.length === 1 ? chunk[0] : Buffer.concat(chunk);
    if (!gzip.write(piece)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await ended;
  return representationOf(output);
}

/** The parts in runs of about FEED_CHUNK_BYTES (a bigger part is a run of its own). */
export function* feedChunks(parts: Buffer[]): Generator<Buffer[]> {
  let run: Buffer[] = [];
  let size = 0;
  for (const part of parts) {
    if (size > 0 && size + part.length > FEED_CHUNK_BYTES) {
      yield run;
      run = [];
      size = 0;
    }
    run.push(part);
    size += part.length;
  }
  if (run.length > 0) yield run;
}
