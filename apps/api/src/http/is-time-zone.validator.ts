import { ValidateBy, ValidationOptions } from 'class-validator';
import { isValidTimeZone } from '@app/planning';

export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value),
        defaultMessage: () => '$property must be an IANA time zone name such as Europe/Berlin',
      },
    },
    options,
  );
}
