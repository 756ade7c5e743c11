import { ValidateIf, ValidationOptions } from 'class-validator';

/**
 * Like @IsOptional(), but only a missing field skips validation: null is checked (and refused) for
 * fields that have no empty state, so that a PATCH with `"status": null` is a 400, not a 500.
 */
export const IsOmittable = (options?: ValidationOptions): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined, options);
