import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';

/** `?kind=workshop,session` and `?kind=workshop&kind=session` both become ['workshop', 'session']. */
export const toList = ({ value }: { value: unknown }): unknown => {
  if (value === undefined) return undefined;
  const items: unknown[] = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(',')
      : [value];
  return items.map((item) => (typeof item === 'string' ? item.trim() : item));
};

/** Query strings carry text; "true"/"false" become booleans, anything else is left for validation. */
export const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/**
 * The workshops of an answer form: one `workshop[n]` per round (a radio button's id, or empty for
 * none), read as an array, or as an object beyond twenty rounds; a single `workshop` also works.
 */
const toWorkshopChoices = ({ value }: { value: unknown }): unknown[] =>
  (Array.isArray(value)
    ? (value as unknown[])
    : typeof value === 'object' && value
      ? Object.values(value)
      : [value]
  ).filter((id) => id !== '');

/** An answer form's optional `workshop` field: the chosen workshops' ids, read as toWorkshopChoices does. */
export function IsWorkshopChoices(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(toWorkshopChoices),
    IsArray(),
    ArrayMaxSize(200),
    IsUUID('all', { each: true }),
  );
}
