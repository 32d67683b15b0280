/**
 * A create form's values as the API takes them: the identifier trimmed, or left out when none was typed, so that the
 * API derives it from the name.
 */
export function withTypedIdentifier<T extends { identifier: string }>({
  identifier,
  ...fields
}: T): Omit<T, 'identifier'> & { identifier?: string } {
  const typed = identifier.trim();
  return typed ? { ...fields, identifier: typed } : fields;
}

/** Whether two values of one field are the same; fields holding lists need more than `===`. */
export type SameValue<F> = (a: F[keyof F], b: F[keyof F]) => boolean;

export const strictlyEqual = <F>(a: F[keyof F], b: F[keyof F]): boolean => a === b;

/** The fields of `wanted` that differ from `base`: an edit form sends only those, so it overwrites nothing else. */
export function changedFields<F>(
  fields: readonly (keyof F)[],
  base: F,
  wanted: F,
  same: SameValue<F> = strictlyEqual,
): Partial<F> {
  return Object.fromEntries(fields.filter((f) => !same(wanted[f], base[f])).map((f) => [f, wanted[f]])) as Partial<F>;
}

export const sameFields = <F>(fields: readonly (keyof F)[], a: F, b: F, same: SameValue<F> = strictlyEqual): boolean =>
  fields.every((f) => same(a[f], b[f]));
