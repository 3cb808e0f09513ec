/**
 * One record of a planning file (a venue, a trainer…) changed both here and on disk: its fields
 * side by side, and a field-by-field merge that takes each field from the side that changed it,
 * offered only when no field was changed differently on both sides.
 */
import type { FieldRow } from './course-field-rows.js';

export interface RecordField<T> {
  name: keyof T & string;
  label: string;
  /** The value as the form shows it; plain text of the value when absent. */
  show?(value: T): string;
  /** `into` with this field taken from `from`, for a field inside a part (a contact's email). */
  take?(into: T, from: T): T;
}

const shown = <T>(field: RecordField<T>, value: T): string => {
  if (field.show) return field.show(value);
  const raw = value[field.name];
  return raw === undefined || raw === null ? '' : String(raw);
};

/** Both versions as the same labelled rows, the differing ones marked. */
export function recordFieldRows<T>(fields: RecordField<T>[], mine: T, theirs: T): FieldRow[] {
  return fields.map((field) => {
    const a = shown(field, mine);
    const b = shown(field, theirs);
    return { label: field.label, mine: a, theirs: b, differs: a !== b };
  });
}

/**
 * `theirs` with every field this side changed since `base` taken from `mine`; undefined when a
 * field was changed on both sides to different values (then a person must choose).
 */
export function mergeRecords<T>(
  fields: RecordField<T>[],
  base: T,
  mine: T,
  theirs: T,
): T | undefined {
  let merged = { ...theirs };
  for (const field of fields) {
    const [b, m, t] = [base, mine, theirs].map((value) => shown(field, value));
    if (m === b) continue;
    if (t !== b && t !== m) return undefined;
    merged = field.take ? field.take(merged, mine) : { ...merged, [field.name]: mine[field.name] };
  }
  return merged;
}

/** The record as labelled lines, for the recovered-text store. */
export function recordAsText<T>(fields: RecordField<T>[], value: T): string {
  return fields.map((field) => `${field.label}: ${shown(field, value)}`).join('\n');
}
