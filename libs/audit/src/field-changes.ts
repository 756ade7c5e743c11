/**
 * One changed field of a record. Personal fields (a person's name, email, department) say only
 * that they changed: the trail must not become a second copy of personal data, which an erasure
 * would then have to hunt down.
 */
export type FieldChange =
  { field: string; before: unknown; after: unknown } | { field: string; personal: true };

export type FieldValues = Record<string, unknown>;

/**
 * The fields whose value differs between two snapshots of a record, in the order of `after`.
 * Values compare by their JSON form, so dates, arrays and numbers stored as text compare by
 * content; sets (tags, co-hosts) should be given sorted.
 */
export function changedFields(
  before: FieldValues,
  after: FieldValues,
  personalFields: readonly string[] = [],
): FieldChange[] {
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return fields.flatMap((field): FieldChange[] => {
    const was = jsonValue(before[field]);
    const is = jsonValue(after[field]);
    if (JSON.stringify(was) === JSON.stringify(is)) return [];
    return personalFields.includes(field) ? [{ field, personal: true }] : [{ field, before: was, after: is }];
  });
}

/** A new record's fields as changes from nothing, personal ones without their values. */
export function initialFields(after: FieldValues, personalFields: readonly string[] = []): FieldChange[] {
  return changedFields({}, after, personalFields);
}

/** Changes with every value left out, as an erasure leaves the entries about the erased person. */
export function withoutValues(changes: FieldChange[]): FieldChange[] {
  return changes.map((change) => ({ field: change.field, personal: true }));
}

function jsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}
