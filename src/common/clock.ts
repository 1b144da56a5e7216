/**
 * The time the metering decisions use (slots, calls, no-shows, the forecast). Everything that decides by the clock
 * takes its `now` from here and hands it to its SQL as a parameter, never `now()` in the statement, so the
 * simulation (`npm run simulate`) can run a whole peak day through the same code on a fast clock.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that starts at `start` and runs `speed` times faster than the wall clock (the simulation's). */
export class FastClock extends Clock {
  private readonly startedAt = Date.now();

  constructor(
    private readonly start: Date,
    private readonly speed: number,
  ) {
    super();
  }

  now(): Date {
    return new Date(this.start.getTime() + (Date.now() - this.startedAt) * this.speed);
  }
}
