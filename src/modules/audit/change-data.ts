/**
 * The audit data of an edit: the changed fields' values before and after. Only the fields the
 * request set are recorded, so an event says exactly what changed.
 */
export function changeData<T extends object>(
  row: T,
  changes: Partial<Record<keyof T, unknown>>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = {};
  for (const key of Object.keys(changes)) before[key] = row[key as keyof T];
  return { before, after: { ...changes } };
}
