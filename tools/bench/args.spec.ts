import { DEFAULT_SCENARIOS, parseBenchArgs, shellQuote, splitDatabaseUrl, UsageError } from './args.js';

describe('parseBenchArgs', () => {
  it('has the documented defaults', () => {
    expect(parseBenchArgs([])).toEqual({
      declarations: 100_000,
      durationSec: 15,
      connections: 32,
      scenarios: [...DEFAULT_SCENARIOS],
      api: 1,
      workers: 1,
      reseed: false,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/border_gate_bench',
      redisUrl: 'redis://127.0.0.1:6379',
      soakMinutes: 10,
      jsonFile: null,
      cpuProf: false,
      floorDir: '../shared/bench',
      logLevel: 'info',
      help: false,
    });
    expect(DEFAULT_SCENARIOS).not.toContain('soak');
  });

  it('reads every option', () => {
    const o = parseBenchArgs([
      '--declarations=1m',
      '--duration',
      '30',
      '--connections',
      '64',
      '--scenarios',
      'submit,lookup',
      '--api',
      '2',
      '--workers',
      '2',
      '--reseed',
      '--database-url',
      'postgres://u@h:5433/my_bench?sslmode=disable',
      '--soak',
      '--soak-minutes',
      '1.5',
      '--json',
      'out.json',
      '--cpu-prof',
      '--floor-dir',
      '/tmp/floor',
      '--log-level',
      'warn',
    ]);
    expect(o).toMatchObject({
      declarations: 1_000_000,
      durationSec: 30,
      connections: 64,
      scenarios: ['lookup', 'submit', 'soak'],
      api: 2,
      workers: 2,
      reseed: true,
      databaseUrl: 'postgres://u@h:5433/my_bench?sslmode=disable',
      soakMinutes: 1.5,
      jsonFile: 'out.json',
      cpuProf: true,
      floorDir: '/tmp/floor',
      logLevel: 'warn',
    });
  });

  it('accepts 10k and 100_000 spellings', () => {
    expect(parseBenchArgs(['--declarations', '10k']).declarations).toBe(10_000);
    expect(parseBenchArgs(['--declarations', '100_000']).declarations).toBe(100_000);
  });

  it.each([
    [['--declarations', '5000']],
    [['--declarations', '2m']],
    [['--declarations', 'lots']],
    [['--duration', '0']],
    [['--connections', '0']],
    [['--scenarios', 'lookup,nope']],
    [['--scenarios', ',']],
    [['--database-url', 'postgres://postgres@127.0.0.1:5432/border_gate']],
    [['--database-url', 'mysql://x/y_bench']],
    [['--log-level', 'loud']],
    [['--what']],
    [['positional']],
  ])('refuses %j', (argv) => {
    expect(() => parseBenchArgs(argv)).toThrow(UsageError);
  });
});

describe('helpers', () => {
  it('splitDatabaseUrl', () => {
    expect(splitDatabaseUrl('postgres://postgres@127.0.0.1:5432/border_gate_bench')).toEqual({
      name: 'border_gate_bench',
      adminUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
  });

  it('shellQuote', () => {
    expect(shellQuote(['npm', 'run', 'bench', '--', '--scenarios', 'a,b'])).toBe('npm run bench -- --scenarios a,b');
    expect(shellQuote(["it's", 'a b'])).toBe(`'it'\\''s' 'a b'`);
  });
});

describe('benchQueuePrefix', () => {
  it('is the database name, valid as a QUEUE_PREFIX', async () => {
    const { benchQueuePrefix } = await import('./service.js');
    expect(benchQueuePrefix('postgres://postgres@127.0.0.1:5432/border_gate_bench')).toBe('border_gate_bench');
    expect(benchQueuePrefix('postgres://u@h/x_bench?sslmode=disable')).toBe('x_bench');
    expect(benchQueuePrefix(`postgres://u@h/${'b'.repeat(40)}_bench`)).toMatch(/^[\w-]{1,32}$/);
  });
});
