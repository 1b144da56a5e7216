export const GATE_CODES = ['HUU_NGHI', 'TAN_THANH'] as const;
export type GateCode = (typeof GATE_CODES)[number];

export const DIRECTIONS = ['export', 'import'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * The gate a client means, in any letter case (`huu_nghi`, `Huu_Nghi` → `HUU_NGHI`), or null. ASCII only:
 * `toUpperCase` would also turn a dotless `ı` into an I.
 */
export function parseGateCode(raw: unknown): GateCode | null {
  if (typeof raw !== 'string' || !/^[A-Za-z_]+$/.test(raw)) return null;
  const upper = raw.toUpperCase();
  return (GATE_CODES as readonly string[]).includes(upper) ? (upper as GateCode) : null;
}
