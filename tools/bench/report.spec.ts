import {
  atLeast,
  below,
  fmtBytes,
  fmtMs,
  fmtNum,
  fmtRatio,
  ratio,
  renderTable,
  scenarioTable,
  targetLines,
} from './report.js';

describe('formatting', () => {
  it('numbers, milliseconds, ratios, bytes', () => {
    expect(fmtNum(12345.6)).toBe('12,346');
    expect(fmtNum(null)).toBe('—');
    expect(fmtNum(Number.NaN)).toBe('—');
    expect(fmtMs(0.4234)).toBe('0.42');
    expect(fmtMs(3.14)).toBe('3.1');
    expect(fmtMs(1234.5)).toBe('1,235');
    expect(fmtRatio(1.5)).toBe('1.50×');
    expect(fmtRatio(null)).toBe('—');
    expect(fmtBytes(150 * 1024 * 1024)).toBe('150 MB');
  });

  it('ratio guards against missing or zero denominators', () => {
    expect(ratio(300, 200)).toBe(1.5);
    expect(ratio(300, 0)).toBeNull();
    expect(ratio(null, 200)).toBeNull();
    expect(ratio(300, undefined)).toBeNull();
  });
});

describe('renderTable', () => {
  it('aligns columns, numbers to the right', () => {
    const text = renderTable(
      ['name', 'req/s'],
      [
        ['lookup', '1,234'],
        ['submission', '56'],
      ],
    );
    expect(text.split('\n')).toEqual([
      'name        req/s',
      '----------  -----',
      'lookup      1,234',
      'submission     56',
    ]);
  });

  it('counts wide characters as two columns', () => {
    const text = renderTable(['a', 'b'], [['桂F', 'x']]);
    expect(text.split('\n')[2]).toBe('桂F  x');
  });

  it('prints a scenario table with every column', () => {
    const text = scenarioTable([
      {
        scenario: 'lookup',
        system: 'service',
        load: 'closed 32c',
        rps: 3000,
        p50: 9.5,
        p99: 31,
        non2xx: 0,
        socketErrors: 0,
        vsFloor: 0.82,
      },
      {
        scenario: 'lookup',
        system: 'floor',
        load: 'closed 32c',
        rps: 3658,
        p50: 8,
        p99: 20,
        non2xx: 0,
        socketErrors: 0,
        vsFloor: null,
      },
    ]);
    expect(text).toContain('vs floor');
    expect(text).toContain('0.82×');
    expect(text).toContain('3,658');
    expect(text.split('\n')).toHaveLength(4);
  });
});

describe('targets', () => {
  it('PASS, MISS and not measured', () => {
    const lines = targetLines([
      atLeast('lookup ≥ 1.0× floor', 1.2, 1, '1.20×'),
      below('p99 < 50 ms', 80, 50, '80 ms'),
      below('RSS < 300 MB', null, 300, ''),
    ]).split('\n');
    expect(lines[2]).toMatch(/^PASS\s+lookup ≥ 1.0× floor\s+1.20×$/);
    expect(lines[3]).toMatch(/^MISS\s+p99 < 50 ms\s+80 ms$/);
    expect(lines[4]).toMatch(/^n\/a\s+RSS < 300 MB\s+not measured$/);
  });

  it('boundaries: at least includes the bound, below excludes it', () => {
    expect(atLeast('x', 1, 1, '').pass).toBe(true);
    expect(below('x', 50, 50, '').pass).toBe(false);
  });
});
