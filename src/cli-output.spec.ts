import { formatText, renderResult } from './cli-output.js';

describe('CLI output', () => {
  const created = { id: '81116fc4-7b2c-49b5-8999-28f59fee4bd8', apiKey: 'bgk_secret' };

  it('is one JSON line for scripts', () => {
    expect(renderResult(created, true)).toBe(`${JSON.stringify(created)}\n`);
    expect(renderResult({ at: new Date('2026-01-02T03:04:05Z'), gone: undefined }, true)).toBe(
      '{"at":"2026-01-02T03:04:05.000Z"}\n',
    );
  });

  it('is aligned key: value lines at a terminal', () => {
    expect(renderResult(created, false)).toBe('id:     81116fc4-7b2c-49b5-8999-28f59fee4bd8\napiKey: bgk_secret\n');
  });

  it('shows nested records, lists and empty values readably', () => {
    expect(
      formatText({
        ok: false,
        records: 12,
        broken: { seq: '7', problem: 'gap' },
        partitions: [],
        gates: ['HUU_NGHI', 'TAN_THANH'],
        note: null,
      }),
    ).toBe(
      [
        'ok:             false',
        'records:        12',
        'broken.seq:     7',
        'broken.problem: gap',
        'partitions:     (none)',
        'gates:          HUU_NGHI, TAN_THANH',
        'note:           -',
        '',
      ].join('\n'),
    );
    expect(
      formatText({
        rebuilt: [
          { gate: 'HUU_NGHI', rows: 6 },
          { gate: 'TAN_THANH', rows: 6 },
        ],
      }),
    ).toBe('rebuilt: 2\n         - gate HUU_NGHI, rows 6\n         - gate TAN_THANH, rows 6\n');
    expect(formatText(3)).toBe('3\n');
  });
});
