import { demandRatio, parseWarningThresholds, warningLevel } from './warning-level.js';

describe('parseWarningThresholds', () => {
  it('reads the three ratios in order', () => {
    expect(parseWarningThresholds('0.7,0.85,1')).toEqual({ yellow: 0.7, orange: 0.85, red: 1 });
    expect(parseWarningThresholds('0.5, 0.9, 1.2')).toEqual({ yellow: 0.5, orange: 0.9, red: 1.2 });
  });

  it('refuses ratios that are not strictly ascending, not positive, or not three', () => {
    for (const bad of ['0.85,0.7,1', '0.7,0.7,1', '0,0.5,1', '0.7,0.85', '0.7,0.85,1,2', 'a,b,c']) {
      expect(() => parseWarningThresholds(bad)).toThrow(/BOARD_WARNING_THRESHOLDS/);
    }
  });
});

describe('warningLevel', () => {
  const thresholds = parseWarningThresholds('0.7,0.85,1');

  it('is green below the first threshold', () => {
    expect(warningLevel(0, thresholds)).toBe('green');
    expect(warningLevel(0.69, thresholds)).toBe('green');
  });

  it('turns yellow, orange and red exactly at each threshold', () => {
    expect(warningLevel(0.7, thresholds)).toBe('yellow');
    expect(warningLevel(0.84, thresholds)).toBe('yellow');
    expect(warningLevel(0.85, thresholds)).toBe('orange');
    expect(warningLevel(0.99, thresholds)).toBe('orange');
    expect(warningLevel(1, thresholds)).toBe('red');
    expect(warningLevel(1.4, thresholds)).toBe('red');
  });

  it('is red for a closed gate whatever the demand', () => {
    expect(warningLevel(0, thresholds, false)).toBe('red');
  });

  it('is red for a gate without capacity', () => {
    expect(warningLevel(demandRatio(0, 0), thresholds)).toBe('red');
  });
});

describe('demandRatio', () => {
  it('divides booked slots by capacity', () => {
    expect(demandRatio(6, 8)).toBe(0.75);
    expect(demandRatio(0, 800)).toBe(0);
  });

  it('has no ratio without capacity', () => {
    expect(demandRatio(3, 0)).toBeNull();
  });
});
