import { describe, expect, it } from '@jest/globals';
import { formatVnd, waitParts } from './officer-format';

describe('the console’s money and waiting times', () => {
  it('writes the fee in đồng as each language does', () => {
    expect(formatVnd(2_860_000, 'vi')).toBe('2.860.000\u00a0₫');
    expect(formatVnd(2_860_000, 'en')).toBe('₫2,860,000');
    expect(formatVnd(2_860_000, 'zh')).toBe('₫2,860,000');
  });

  it('counts whole minutes waited, and hours past the first hour', () => {
    expect(waitParts(59, 'en')).toEqual({ minutes: '0' });
    expect(waitParts(12 * 60 + 59, 'en')).toEqual({ minutes: '12' });
    expect(waitParts(65 * 60, 'vi')).toEqual({ hours: '1', minutes: '5' });
    expect(waitParts(-3, 'en')).toEqual({ minutes: '0' });
  });
});
