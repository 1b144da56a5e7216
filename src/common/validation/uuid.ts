export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path parameter can be an id at all (checked before it reaches a uuid column). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
