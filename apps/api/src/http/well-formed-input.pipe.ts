import { ArgumentMetadata, HttpStatus, Injectable, PipeTransform } from '@nestjs/common';
import { FieldProblem } from '@app/errors';
import { ApiProblem } from '../problems/problems';

/**
 * How deep a body, query or parameter may nest. Our deepest DTO nests three levels; class-transformer
 * and class-validator recurse, so a body nested thousands of levels deep would overflow the stack.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * NUL, which PostgreSQL cannot store in text, and the other C0 controls and DEL, which have no place
 * in names, titles or descriptions and are forbidden in iCalendar text and in email headers. Tab, line
 * feed and carriage return stay allowed: descriptions have paragraphs.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** In unicode mode a surrogate pair is one code point, so this matches lone surrogates only. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;
const UNSHOWABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff]/gu;

/**
 * Runs before the ValidationPipe on every body, query and path parameter: refuses input nested deeper
 * than MAX_INPUT_DEPTH and any string (value or key) that is not well-formed Unicode (a lone UTF-16
 * surrogate, which JSON's \u escapes can carry) or holds a control character. One check for every
 * field of every DTO, so that no validator, query or template ever sees such a string: validator.js
 * throws a URIError on lone surrogates, PostgreSQL refuses NUL.
 */
@Injectable()
export class WellFormedInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems = findProblems(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    if (problems.length) {
      const message = problems
        .map((problem) => `${problem.field || metadata.type}: ${problem.message}`)
        .join('; ');
      throw new ApiProblem(HttpStatus.BAD_REQUEST, 'invalid_input', message, problems);
    }
    return value;
  }
}

/** Walks the input without recursion (the depth being what is checked), reporting at most a few problems. */
export function findProblems(input: unknown, root: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: Array<{ value: unknown; field: string; depth: number }> = [
    { value: input, field: root, depth: 0 },
  ];
  while (pending.length && problems.length < 10) {
    const { value, field, depth } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) problems.push({ field, message: problem });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ field, message: `must not nest more than ${MAX_INPUT_DEPTH} levels deep` });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const keyProblem = stringProblem(key);
      const childField = join(field, keyProblem ? key.replace(UNSHOWABLE, '\ufffd') : key);
      if (keyProblem) problems.push({ field: childField, message: `the field name ${keyProblem}` });
      else pending.push({ value: child, field: childField, depth: depth + 1 });
    }
  }
  return problems;
}

function stringProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it holds a lone UTF-16 surrogate)';
  if (CONTROL_CHARACTER.test(text)) return 'must not contain control characters such as NUL';
  return null;
}

function join(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}
