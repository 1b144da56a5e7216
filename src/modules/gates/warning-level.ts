export const WARNING_LEVELS = ['green', 'yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** Demand ratios at which the board turns yellow, orange and red. */
export interface WarningThresholds {
  yellow: number;
  orange: number;
  red: number;
}

/**
 * Parses BOARD_WARNING_THRESHOLDS (`"0.7,0.85,1"`). The config check guarantees three numbers; this one
 * also insists they are positive and strictly ascending, so a typo cannot make the board lie.
 */
export function parseWarningThresholds(text: string): WarningThresholds {
  const parts = text.split(',').map((part) => Number(part.trim()));
  const [yellow, orange, red] = parts;
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n) || n <= 0) || !(yellow < orange && orange < red)) {
    throw new Error(`BOARD_WARNING_THRESHOLDS must be three ascending positive ratios like 0.7,0.85,1, got "${text}"`);
  }
  return { yellow, orange, red };
}

/** Booked slots over capacity; null when there is no capacity at all. */
export function demandRatio(booked: number, capacity: number): number | null {
  return capacity > 0 ? booked / capacity : null;
}

/**
 * The board's colour. A closed gate is red whatever the numbers; so is a gate with no capacity, since
 * nothing more can come through it. Otherwise the highest threshold the demand has reached.
 */
export function warningLevel(demand: number | null, thresholds: WarningThresholds, open = true): WarningLevel {
  if (!open || demand === null || demand >= thresholds.red) return 'red';
  if (demand >= thresholds.orange) return 'orange';
  if (demand >= thresholds.yellow) return 'yellow';
  return 'green';
}
