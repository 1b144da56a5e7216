import type { PriorityClass, PriorityTurn } from './priority-cycle.entity.js';

export const PRIORITY_CLASSES: readonly PriorityClass[] = ['perishable', 'aeo', 'empty_return', 'general'];

/** What the call forward knows of a waiting truck to place it in a class. */
export interface TruckClassFacts {
  perishable: boolean;
  aeo: boolean;
  emptyTrip: boolean;
}

/** The classes a truck belongs to: perishable cargo, an AEO company, an empty trip; every truck is `general`. */
export function classesOf(truck: TruckClassFacts): PriorityClass[] {
  const classes: PriorityClass[] = [];
  if (truck.perishable) classes.push('perishable');
  if (truck.aeo) classes.push('aeo');
  if (truck.emptyTrip) classes.push('empty_return');
  classes.push('general');
  return classes;
}

/** The cycle written out, one class per turn: 1:1:1:5 is eight turns. */
export function writeOut(turns: readonly PriorityTurn[]): PriorityClass[] {
  return turns.flatMap((t) => Array.from({ length: t.turns }, () => t.class));
}

export interface TurnChoice {
  /** The class whose truck is called. */
  class: PriorityClass;
  /** What the rule records: `perishable (turn 1 of 8)`, `general (turn 2 of 8: no aeo truck waiting)`. */
  rule: string;
}

/**
 * The class the turn at `position` calls: its own when a truck of it waits, else the next class in the cycle that
 * has one (the rule says so); null when no truck of any class in the cycle waits.
 */
export function chooseTurn(
  written: readonly PriorityClass[],
  position: number,
  hasWaiting: (c: PriorityClass) => boolean,
): TurnChoice | null {
  if (written.length === 0) return null;
  const index = position % written.length;
  const wanted = written[index];
  const turn = `turn ${index + 1} of ${written.length}`;
  if (hasWaiting(wanted)) return { class: wanted, rule: `${wanted} (${turn})` };
  for (let step = 1; step < written.length; step += 1) {
    const next = written[(index + step) % written.length];
    if (next !== wanted && hasWaiting(next)) {
      return { class: next, rule: `${next} (${turn}: no ${wanted} truck waiting)` };
    }
  }
  return null;
}

export interface RoomFacts {
  yardCapacity: number;
  inYard: number;
  called: number;
  /** Vehicles served per hour: the gate's exits in the last hour, or its standing capacity when none were measured. */
  serviceRatePerHour: number;
  lookAheadHours: number;
}

/**
 * How many trucks one run may call: what the gate yard still holds, and no more than the look-ahead's worth at the
 * service rate (at least one), less the trucks already on their way.
 */
export function roomFor(f: RoomFacts): number {
  const space = f.yardCapacity - f.inYard - f.called;
  const supply = Math.max(1, Math.ceil(f.serviceRatePerHour * f.lookAheadHours)) - f.called;
  return Math.max(0, Math.min(space, supply));
}

/** Checks a cycle a supervisor sets: known classes, each once, whole turns 1–50, 1–20 entries, general among them. */
export function cycleProblem(turns: readonly PriorityTurn[]): string | null {
  if (turns.length === 0 || turns.length > PRIORITY_CLASSES.length) return 'one to four classes';
  const seen = new Set<string>();
  for (const t of turns) {
    if (seen.has(t.class)) return `${t.class} is listed twice`;
    seen.add(t.class);
  }
  if (!seen.has('general')) return 'general must have turns, or trucks of no class would never be called';
  return null;
}
