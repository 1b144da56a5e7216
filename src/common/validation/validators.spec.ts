import { parseStrictTimestamp } from './validators.js';

describe('parseStrictTimestamp', () => {
  it('reads timestamps with an explicit offset', () => {
    expect(parseStrictTimestamp('2026-11-27T08:00:00+07:00')).toBe(Date.parse('2026-11-27T01:00:00Z'));
    expect(parseStrictTimestamp('2026-11-27T01:00Z')).toBe(Date.parse('2026-11-27T01:00:00Z'));
    expect(parseStrictTimestamp('2028-02-29T00:00:00.123Z')).toBe(Date.parse('2028-02-29T00:00:00.123Z'));
  });

  it.each([
    ['no offset', '2026-11-27T08:00:00'],
    ['date only', '2026-11-27'],
    ['31 February', '2026-02-31T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['hour 24', '2026-11-27T24:00:00Z'],
    ['offset beyond 14 h', '2026-11-27T08:00:00+15:00'],
    ['offset no zone uses (+14:59)', '2026-11-27T08:00:00+14:59'],
    ['offset no zone uses (+05:15)', '2026-11-27T08:00:00+05:15'],
    ['offset beyond -12 h', '2026-11-27T08:00:00-13:00'],
    ['the unknown-offset -00:00', '2026-11-27T08:00:00-00:00'],
    ['microseconds', '2026-11-27T08:00:00.123456Z'],
    ['words', 'tomorrow morning'],
  ])('refuses %s', (_, value) => {
    expect(parseStrictTimestamp(value)).toBeNull();
  });

  it.each(['Z', '+00:00', '-12:00', '+14:00', '+07:00', '+05:30', '+05:45', '+08:45', '+12:45', '-03:30', '-09:30'])(
    'accepts the real offset %s',
    (offset) => {
      expect(parseStrictTimestamp(`2026-11-27T08:00:00${offset}`)).not.toBeNull();
    },
  );

  it('refuses non-strings', () => {
    expect(parseStrictTimestamp(1764201600000)).toBeNull();
    expect(parseStrictTimestamp(null)).toBeNull();
  });
});
