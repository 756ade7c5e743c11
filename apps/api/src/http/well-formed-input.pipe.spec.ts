import { ApiProblem } from '../problems/problems';
import { MAX_INPUT_DEPTH, WellFormedInputPipe } from './well-formed-input.pipe';

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

function problemsOf(value: unknown, type: 'body' | 'query' | 'param' = 'body', data?: string): unknown {
  try {
    new WellFormedInputPipe().transform(value, { type, data });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ code: 'invalid_input', status: 400 });
    return (error as ApiProblem).problems;
  }
}

describe(WellFormedInputPipe.name, () => {
  it('should pass text of every script, emoji with surrogate pairs, tabs and line breaks as it is', () => {
    const body = { name: 'Ōsaka 大阪 👩🏽‍⚕️', description: 'Zeile 1\r\nZeile 2\tTab', tags: ['klima'] };
    expect(new WellFormedInputPipe().transform(body, { type: 'body' })).toBe(body);
  });

  it('should refuse lone surrogates, high or low, in values and in field names', () => {
    expect(problemsOf({ email: 'a\ud800@example.org', list: ['ok', '\udfff'] })).toEqual([
      { field: 'list.1', message: 'must be well-formed Unicode (it holds a lone UTF-16 surrogate)' },
      { field: 'email', message: 'must be well-formed Unicode (it holds a lone UTF-16 surrogate)' },
    ]);
    expect(problemsOf({ ['bad\ud800']: 1 })).toEqual([
      {
        field: 'bad\ufffd',
        message: 'the field name must be well-formed Unicode (it holds a lone UTF-16 surrogate)',
      },
    ]);
  });

  it.each(['\u0000', '\u0008', '\u000b', '\u001f', '\u007f'])(
    'should refuse the control character %j',
    (c) => {
      expect(problemsOf({ title: `a${c}b` })).toEqual([
        { field: 'title', message: 'must not contain control characters such as NUL' },
      ]);
    },
  );

  it(`should allow ${MAX_INPUT_DEPTH} levels of nesting and refuse one more`, () => {
    expect(problemsOf(nested(MAX_INPUT_DEPTH))).toEqual([]);
    expect(problemsOf(nested(MAX_INPUT_DEPTH + 1))).toEqual([
      {
        field: `${'a.'.repeat(MAX_INPUT_DEPTH - 1)}a`,
        message: `must not nest more than ${MAX_INPUT_DEPTH} levels deep`,
      },
    ]);
  });

  it('should refuse 100,000 levels without overflowing the stack', () => {
    expect(problemsOf(nested(100_000))).toHaveLength(1);
  });

  it('should name query and path parameters in the problem', () => {
    expect(problemsOf('a\u0000', 'param', 'id')).toEqual([
      { field: 'id', message: 'must not contain control characters such as NUL' },
    ]);
    expect(problemsOf({ q: 'a\u0000' }, 'query')).toEqual([
      { field: 'q', message: 'must not contain control characters such as NUL' },
    ]);
  });

  it('should list at most ten problems', () => {
    expect(problemsOf({ ids: Array.from({ length: 1000 }, () => '\u0000') })).toHaveLength(10);
  });
});
