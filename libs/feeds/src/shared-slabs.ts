import { types } from 'node:util';

/**
 * Small slabs stay below glibc's threshold for mapping fresh memory, so their allocations mostly
 * reuse freed memory: on this kind of virtual machine each first touch of a page costs ~12 µs.
 */
const SLAB_BYTES = 64 * 1024;

/**
 * Bytes kept in shared memory (SharedArrayBuffer slabs), so that a feed body made of them leaves
 * the render thread as views on that memory, neither joined nor copied. Joining a 7 MB feed into
 * a buffer of its own cost the thread some 20 ms per render, mostly faulting in fresh pages.
 */
export class SharedSlabs {
  private slab: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  private offset = 0;

  /** The text in UTF-8. */
  write(text: string): Buffer {
    const bytes = this.take(Buffer.byteLength(text));
    bytes.write(text);
    return bytes;
  }

  /** The bytes, copied unless they are shared already. */
  share(source: Uint8Array): Uint8Array {
    if (types.isSharedArrayBuffer(source.buffer)) return source;
    const bytes = this.take(source.byteLength);
    bytes.set(source);
    return bytes;
  }

  private take(length: number): Buffer {
    if (length > this.slab.length - this.offset) {
      this.slab = Buffer.from(new SharedArrayBuffer(Math.max(SLAB_BYTES, length)));
      this.offset = 0;
    }
    const bytes = this.slab.subarray(this.offset, this.offset + length);
    this.offset += length;
    return bytes;
  }
}

/** The same bytes as fewer views: neighbours that follow each other in one memory become one. */
export function joinedViews(parts: Uint8Array[]): Buffer[] {
  const views: Buffer[] = [];
  let buffer: ArrayBufferLike | null = null;
  let start = 0;
  let end = 0;
  for (const part of parts) {
    if (part.byteLength === 0) continue;
    if (part.buffer === buffer && part.byteOffset === end) {
      end += part.byteLength;
      continue;
    }
    if (buffer) views.push(Buffer.from(buffer, start, end - start));
    buffer = part.buffer;
    start = part.byteOffset;
    end = start + part.byteLength;
  }
  if (buffer) views.push(Buffer.from(buffer, start, end - start));
  return views;
}
