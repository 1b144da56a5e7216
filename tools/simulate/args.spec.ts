import { parseSimulateArgs } from './args.js';

describe('the simulation command line', () => {
  it('defaults to the peak day of December 2021, both modes', () => {
    expect(parseSimulateArgs([])).toMatchObject({
      day: '2021-12-20',
      trucks: 4550,
      metering: 'both',
      seed: 1,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/border_gate_sim',
      stepMinutes: 5,
      callEveryMinutes: 5,
      drainHours: 72,
      serviceFactor: 1,
      json: false,
    });
  });

  it('reads every option', () => {
    expect(
      parseSimulateArgs([
        '--day=2022-01-10',
        '--trucks=300',
        '--metering=on',
        '--seed=9',
        '--step=2',
        '--call-every=4',
        '--drain-hours=12',
        '--service-factor=0.625',
        '--json',
      ]),
    ).toMatchObject({
      day: '2022-01-10',
      trucks: 300,
      metering: 'on',
      seed: 9,
      stepMinutes: 2,
      callEveryMinutes: 4,
      drainHours: 12,
      serviceFactor: 0.625,
      json: true,
    });
  });

  it.each([
    [['--day=20-12-2021'], '--day'],
    [['--trucks=0'], '--trucks'],
    [['--trucks=lots'], '--trucks'],
    [['--metering=maybe'], '--metering'],
    [['--database-url=postgres://postgres@127.0.0.1/border_gate'], 'must contain "sim"'],
    [['--step=5', '--call-every=2'], '--call-every'],
    [['--service-factor=0'], '--service-factor'],
    [['--svg=chart.svg', '--metering=on'], '--svg'],
    [['--unknown'], 'Unknown option'],
  ])('refuses %j naming the option', (argv, message) => {
    expect(() => parseSimulateArgs(argv)).toThrow(message);
  });
});
