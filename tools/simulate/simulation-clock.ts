import { Clock } from '../../src/common/clock.js';

/** The simulation's time: it stands still until the simulation moves it on, step by step. */
export class SimulationClock extends Clock {
  constructor(private at: Date) {
    super();
  }

  now(): Date {
    return new Date(this.at.getTime());
  }

  /** Moves the time on to `at` (never back). */
  set(at: Date): void {
    if (at.getTime() < this.at.getTime()) throw new Error('the simulation clock only moves forward');
    this.at = new Date(at.getTime());
  }

  advance(minutes: number): Date {
    this.set(new Date(this.at.getTime() + minutes * 60_000));
    return this.now();
  }
}
