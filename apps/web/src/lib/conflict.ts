/**
 * A refused save (412) as data, for any form that edits a record field by field: where their saved
 * version and mine differ, and what "Keep mine" saves. Each form brings its own fields: which it
 * has, when two values count as the same (trimmed text, leads as a set) and how a value reads.
 */

/** How one form compares its fields and words them. */
export interface ConflictFields<V, K extends keyof V> {
  /** The fields on which two versions differ, in form order. */
  diff: (a: V, b: V) => K[];
  label: (key: K) => string;
  /** A field's value for reading beside the other version's. */
  format: (key: K, values: V) => string;
}

/** One line of a conflict panel: a field on which their saved value and mine differ. */
export interface ConflictRow<K> {
  key: K;
  label: string;
  theirs: string;
  mine: string;
  /** False when I did not touch it: "Keep mine" then keeps their value. */
  changedByMe: boolean;
}

export function conflictRows<V, K extends keyof V>(fields: ConflictFields<V, K>, opened: V, mine: V, theirs: V): ConflictRow<K>[] {
  const changedByMe = new Set(fields.diff(opened, mine));
  return fields.diff(theirs, mine).map((key) => ({
    key,
    label: fields.label(key),
    theirs: fields.format(key, theirs),
    mine: fields.format(key, mine),
    changedByMe: changedByMe.has(key),
  }));
}

/**
 * "Keep mine": the fields I changed since I opened the form, laid over the version saved in the
 * meantime. A field I left alone keeps their value, so keeping my change never quietly undoes
 * theirs; a field we both changed takes mine.
 */
export function keepMyChanges<V extends object, K extends keyof V>(diff: (a: V, b: V) => K[], opened: V, mine: V, theirs: V): V {
  const merged = { ...theirs };
  for (const key of diff(opened, mine)) merged[key] = mine[key];
  return merged;
}
