import { HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiProblem } from '../problems/problems';

/** A path id that must be a UUID; anything else is a 400 before any query runs. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ApiProblem(HttpStatus.BAD_REQUEST, 'invalid_input', `${name}: must be a UUID`, [
          { field: name, message: 'must be a UUID' },
        ]),
    }),
  );
