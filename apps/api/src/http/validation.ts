import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from '@app/errors';
import { ApiProblem } from '../problems/problems';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * How many wrong fields a 400 lists: an invitation may name tens of thousands of ids, and a list
 * of that many wrong ones helps nobody but makes the answer megabytes long.
 */
const LISTED_PROBLEMS = 100;

/** Whitelisting and transforming pipe whose 400 lists the wrong fields with their messages. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const problems = flatten(errors).slice(0, LISTED_PROBLEMS);
      const message = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
      return new ApiProblem(HttpStatus.BAD_REQUEST, 'invalid_input', message, problems);
    },
  });
}
