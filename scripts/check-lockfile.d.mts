export const REGISTRY: string;
export function parseAllowList(text: string): { names: Set<string>; problems: string[] };
export function lockfileProblems(
  pkg: Record<string, unknown>,
  lock: { packages?: Record<string, Record<string, unknown>> },
  reasons: Set<string>,
): string[];
