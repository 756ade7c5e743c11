import { types } from 'node:util';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { joinedViews, SharedSlabs } from './shared-slabs';

describe('SharedSlabs', () => {
  it('should keep texts as UTF-8 in shared memory, one after another', () => {
    const slabs = new SharedSlabs();
    const texts = ['BEGIN:VEVENT\r\n', 'SUMMARY:Städtetag Arnsberg–Sundern 🤝\r\n', 'END:VEVENT\r\n'];
    const written = texts.map((text) => slabs.write(text));

    expect(written.map((bytes) => bytes.toString('utf8'))).toEqual(texts);
    expect(written.every((bytes) => types.isSharedArrayBuffer(bytes.buffer))).toBe(true);
    expect(written[1].byteOffset).toBe(written[0].byteOffset + written[0].length);
    expect(joinedViews(written)).toHaveLength(1);
    expect(Buffer.concat(joinedViews(written)).toString()).toBe(texts.join(''));
  });

  it('should give a text longer than a slab a slab of its own, and go on in a new one after it', () => {
    const slabs = new SharedSlabs();
    const small = slabs.write('a');
    const large = slabs.write('x'.repeat(200_000));
    const next = slabs.write('b');

    expect(large.length).toBe(200_000);
    expect(large.buffer).not.toBe(small.buffer);
    expect(next.buffer).not.toBe(large.buffer);
    expect(Buffer.concat(joinedViews([small, large, next])).toString()).toBe(`a${'x'.repeat(200_000)}b`);
  });

  it('should copy bytes that are not shared and keep those that are', () => {
    const slabs = new SharedSlabs();
    const shared = slabs.write('shared');
    const plain = Buffer.from('plain');

    expect(slabs.share(shared)).toBe(shared);
    const copied = slabs.share(plain);
    expect(types.isSharedArrayBuffer(copied.buffer)).toBe(true);
    expect(Buffer.from(copied).toString()).toBe('plain');
    plain.write('PLAIN');
    expect(Buffer.from(copied).toString()).toBe('plain');
  });

  it('should join only views that follow each other in the same memory, in their order', () => {
    const slabs = new SharedSlabs();
    const [a, b, c] = ['aa', 'bb', 'cc'].map((text) => slabs.write(text));
    const elsewhere = Buffer.from('zz');

    const views = joinedViews([a, b, elsewhere, c, Buffer.alloc(0)]);
    expect(views.map((view) => view.toString())).toEqual(['aabb', 'zz', 'cc']);
    expect(joinedViews([b, a]).map((view) => view.toString())).toEqual(['bb', 'aa']);
  });

  it('should hand views to another thread on the same memory, without copying it', () => {
    const slabs = new SharedSlabs();
    const bytes = slabs.write('Morogoro');
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(joinedViews([bytes]));
    const [received] = receiveMessageOnPort(port2)!.message as Uint8Array[];
    port1.close();

    expect(types.isSharedArrayBuffer(received.buffer)).toBe(true);
    bytes.write('Arnsberg');
    expect(Buffer.from(received).toString()).toBe('Arnsberg');
  });
});
