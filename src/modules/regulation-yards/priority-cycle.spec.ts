import { chooseTurn, classesOf, cycleProblem, roomFor, writeOut } from './priority-cycle.js';
import type { PriorityClass, PriorityTurn } from './priority-cycle.entity.js';

const ECHERHA: PriorityTurn[] = [
  { class: 'perishable', turns: 1 },
  { class: 'aeo', turns: 1 },
  { class: 'empty_return', turns: 1 },
  { class: 'general', turns: 5 },
];

describe('the priority cycle', () => {
  it('writes 1:1:1:5 out as eight turns', () => {
    expect(writeOut(ECHERHA)).toEqual([
      'perishable',
      'aeo',
      'empty_return',
      'general',
      'general',
      'general',
      'general',
      'general',
    ]);
  });

  it('calls the turn’s own class when one of it waits, and wraps around the cycle', () => {
    const all = (): boolean => true;
    expect(chooseTurn(writeOut(ECHERHA), 0, all)).toEqual({ class: 'perishable', rule: 'perishable (turn 1 of 8)' });
    expect(chooseTurn(writeOut(ECHERHA), 9, all)).toEqual({ class: 'aeo', rule: 'aeo (turn 2 of 8)' });
  });

  it('uses the next class in the cycle that has a truck, and says so', () => {
    const waiting = new Set<PriorityClass>(['general']);
    expect(chooseTurn(writeOut(ECHERHA), 1, (c) => waiting.has(c))).toEqual({
      class: 'general',
      rule: 'general (turn 2 of 8: no aeo truck waiting)',
    });
    const onlyPerishable = new Set<PriorityClass>(['perishable']);
    expect(chooseTurn(writeOut(ECHERHA), 3, (c) => onlyPerishable.has(c))?.rule).toBe(
      'perishable (turn 4 of 8: no general truck waiting)',
    );
  });

  it('calls nobody when nobody waits', () => {
    expect(chooseTurn(writeOut(ECHERHA), 0, () => false)).toBeNull();
    expect(chooseTurn([], 0, () => true)).toBeNull();
  });

  it('places a truck in every class it belongs to, general always', () => {
    expect(classesOf({ perishable: true, aeo: true, emptyTrip: false })).toEqual(['perishable', 'aeo', 'general']);
    expect(classesOf({ perishable: false, aeo: false, emptyTrip: true })).toEqual(['empty_return', 'general']);
  });

  it('refuses a cycle without general or with a class twice', () => {
    expect(cycleProblem(ECHERHA)).toBeNull();
    expect(cycleProblem([{ class: 'aeo', turns: 1 }])).toMatch(/general/);
    expect(
      cycleProblem([
        { class: 'general', turns: 1 },
        { class: 'general', turns: 2 },
      ]),
    ).toMatch(/twice/);
  });
});

describe('room for calls', () => {
  const base = { yardCapacity: 400, inYard: 100, called: 0, serviceRatePerHour: 60, lookAheadHours: 1 };

  it('supplies the look-ahead’s worth at the service rate, less the trucks on their way', () => {
    expect(roomFor(base)).toBe(60);
    expect(roomFor({ ...base, called: 20 })).toBe(40);
    expect(roomFor({ ...base, lookAheadHours: 0.5, serviceRatePerHour: 45 })).toBe(23);
  });

  it('never fills the gate yard beyond its capacity', () => {
    expect(roomFor({ ...base, inYard: 380, called: 10 })).toBe(10);
    expect(roomFor({ ...base, inYard: 400 })).toBe(0);
    expect(roomFor({ ...base, inYard: 420 })).toBe(0);
  });

  it('calls at least one truck when nothing was served and no capacity is standing', () => {
    expect(roomFor({ ...base, serviceRatePerHour: 0 })).toBe(1);
    expect(roomFor({ ...base, serviceRatePerHour: 0, called: 1 })).toBe(0);
  });
});
