import { createHash } from 'node:crypto';
import { createGzip } from 'node:zlib';

/** One encoding of a feed's bytes with its strong validator. */
export interface FeedRepresentation {
  etag: string;
  parts: Buffer[];
  length: number;
}

/** How much of a feed goes to the compressor, to Redis or to a socket at a time. */
export const FEED_CHUNK_BYTES = 256 * 1024;

export function representationOf(parts: Buffer[]): FeedRepresentation {
  const body = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  return { etag: strongEtag([body]), parts: [body], length: body.length };
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

/** The parts in runs of at most FEED_CHUNK_BYTES; a bigger part is cut (without copying). */
export function* feedChunks(parts: Buffer[]): Generator<Buffer[]> {
  let run: Buffer[] = [];
  let size = 0;
  for (const part of parts) {
    for (let start = 0; start < part.length; start += FEED_CHUNK_BYTES) {
      const piece = part.subarray(start, start + FEED_CHUNK_BYTES);
      if (size > 0 && size + piece.length > FEED_CHUNK_BYTES) {
        yield run;
        run = [];
        size = 0;
      }
      run.push(piece);
      size += piece.length;
    }
  }
  if (run.length > 0) yield run;
}
