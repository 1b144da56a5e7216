import { ClockOffset } from './clock-offset.js';

describe('clock offset', () => {
  it('is unknown until the first round trip', () => {
    const clock = new ClockOffset();
    expect(clock.known).toBe(false);
    expect(() => clock.toRemote(0)).toThrow(/not known/);
  });

  it('reads the remote clock against the middle of the round trip', () => {
    const clock = new ClockOffset();
    // Sent at 1 000, answered at 1 010; the remote clock read 6 005 in between: 5 s ahead.
    clock.observe(1_000, 1_010, 6_005);
    expect(clock.known).toBe(true);
    expect(clock.toRemote(2_000)).toBe(7_000);
  });

  it('keeps the sample with the shortest round trip, the most precise one', () => {
    const clock = new ClockOffset();
    clock.observe(1_000, 1_002, 1_001); // in step, ±1 ms
    clock.observe(2_000, 2_080, 2_070); // 30 ms off by this one, ±40 ms: ignored
    expect(clock.toRemote(3_000)).toBe(3_000);
    clock.observe(4_000, 4_001, 4_500); // a shorter round trip wins
    expect(clock.toRemote(5_000)).toBe(5_500);
  });

  it('takes a slower sample once the best one is a minute old, so it follows a drifting clock', () => {
    const clock = new ClockOffset();
    clock.observe(0, 1, 0);
    clock.observe(59_000, 59_050, 59_525);
    expect(clock.toRemote(70_000)).toBe(70_000);
    clock.observe(61_000, 61_050, 61_525);
    expect(clock.toRemote(70_000)).toBe(70_500);
  });

  it('forgets the estimate when told it is wrong', () => {
    const clock = new ClockOffset();
    clock.observe(0, 1, 0);
    clock.reset();
    expect(clock.known).toBe(false);
    clock.observe(10, 30, 1_020);
    expect(clock.toRemote(100)).toBe(1_100);
  });
});
