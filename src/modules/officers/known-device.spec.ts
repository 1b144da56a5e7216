import { KnownDevices } from './known-device.js';

const SECRET = 'a test secret that is long enough to be a key';
const DAY = 86_400;

describe('KnownDevices', () => {
  const devices = new KnownDevices(SECRET, 'officer', 90 * DAY);
  const now = 1_800_000_000;

  it('vouches for the username it was issued for, and no other', () => {
    const cookie = devices.valueAfterLogin(null, 'Officer.A', now);
    expect(cookie).not.toContain('officer.a');
    expect(devices.recognises(cookie, 'officer.a', now + 60)).toBe(true);
    expect(devices.recognises(cookie, 'officer.b', now + 60)).toBe(false);
    expect(devices.recognises(null, 'officer.a', now)).toBe(false);
  });

  it('refuses a cookie made with another key, of the other kind, tampered with, or past its lifetime', () => {
    const cookie = devices.valueAfterLogin(null, 'officer.a', now);
    expect(
      new KnownDevices('another secret, also long enough to be a key', 'officer', 90 * DAY).recognises(
        cookie,
        'officer.a',
        now,
      ),
    ).toBe(false);
    expect(new KnownDevices(SECRET, 'company', 90 * DAY).recognises(cookie, 'officer.a', now)).toBe(false);
    const [issued, mac] = cookie.split('-');
    expect(devices.recognises(`${(now + 5).toString(36)}-${mac}`, 'officer.a', now + 10)).toBe(false);
    expect(devices.recognises(`${issued}-${mac.slice(0, -1)}A`, 'officer.a', now)).toBe(false);
    expect(devices.recognises(cookie, 'officer.a', now + 91 * DAY)).toBe(false);
  });

  it('remembers several usernames on one browser, each renewed on its own login, the oldest dropped past eight', () => {
    let cookie: string | null = null;
    for (let i = 0; i < 10; i += 1) cookie = devices.valueAfterLogin(cookie, `officer.${i}`, now + i);
    expect(cookie!.split('.')).toHaveLength(8);
    expect(devices.recognises(cookie, 'officer.0', now + 20)).toBe(false);
    expect(devices.recognises(cookie, 'officer.9', now + 20)).toBe(true);
    expect(devices.recognises(cookie, 'officer.2', now + 20)).toBe(true);
    const renewed = devices.valueAfterLogin(cookie, 'officer.2', now + 30);
    expect(renewed.split('.')).toHaveLength(8);
    expect(renewed.endsWith(devices.valueAfterLogin(null, 'officer.2', now + 30))).toBe(true);
  });
});
