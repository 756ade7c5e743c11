import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** A path id that must be a UUID; anything else is a 400 before any query runs. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({
          message: `${name}: must be a UUID`,
          code: 'invalid_input',
          problems: [{ field: name, message: 'must be a UUID' }],
        }),
    }),
  );
