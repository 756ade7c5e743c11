import { decodeCursor, encodeCursor } from './pagination';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

const id = '3f1c6a2e-8a41-4c5e-9a51-0b7d2f6c9e10';

describe('pagination cursor', () => {
  it('should read back the position it handed out', () => {
    expect(decodeCursor(encodeCursor('2023-09-20T07:30:00.000Z', id))).toEqual([
      '2023-09-20T07:30:00.000Z',
      id,
    ]);
    expect(decodeCursor(encodeCursor('Stadt Arnsberg', id))).toEqual(['Stadt Arnsberg', id]);
    expect(decodeCursor(encodeCursor(42, id))).toEqual([42, id]);
  });

  it('should hand out cursors that are safe in a URL', () => {
    expect(encodeCursor('Ärger? & mehr / Fragen', id)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  const base64url = (text: string) => Buffer.from(text).toString('base64url');

  it.each([
    ['random text', 'not-a-cursor'],
    ['an empty string', ''],
    ['JSON that is no pair', base64url('{"a":1}')],
    ['a pair with a non-UUID id', base64url('["2023-09-20T07:30:00.000Z","1; DROP TABLE events"]')],
    ['a pair whose value is an object', base64url(`[{"x":1},"${id}"]`)],
    ['a triple', base64url(`["a","${id}","c"]`)],
    ['truncated JSON', base64url(`["a","${id}"`)],
  ])('should refuse %s as invalid input on the cursor field', (_, cursor) => {
    expect(thrownBy(() => decodeCursor(cursor))).toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'cursor' }],
    });
  });
});
