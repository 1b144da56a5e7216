import { carriesMetricsToken } from './metrics-token.js';

describe('carriesMetricsToken', () => {
  const token = 'm'.repeat(40);

  it('lets through exactly Bearer <token>', () => {
    expect(carriesMetricsToken(`Bearer ${token}`, token)).toBe(true);
  });

  it.each([undefined, '', token, `Bearer ${token}x`, `bearer ${token}`, `Basic ${token}`, 'Bearer '])(
    'refuses %s',
    (header) => {
      expect(carriesMetricsToken(header, token)).toBe(false);
    },
  );

  it('refuses everything when no token is configured', () => {
    expect(carriesMetricsToken('Bearer ', '')).toBe(false);
  });
});
