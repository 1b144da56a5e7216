export const GATE_CODES = ['HUU_NGHI', 'TAN_THANH'] as const;
export type GateCode = (typeof GATE_CODES)[number];

export const DIRECTIONS = ['export', 'import'] as const;
export type Direction = (typeof DIRECTIONS)[number];
