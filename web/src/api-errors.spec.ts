import { describe, expect, it } from '@jest/globals';
import { ApiError, UnreachableError, errorText, plateRule, toApiError } from './api-errors';

// A stand-in for i18next's t: the key and its values, so the test sees which message was chosen.
const t = (key: string, options?: Record<string, unknown>): string =>
  options ? `${key} ${JSON.stringify(options)}` : key;

describe('API errors shown to the reader', () => {
  it('reads the API error shape, and treats anything else (a proxy page) as the service unreachable', () => {
    const error = toApiError(404, { statusCode: 404, code: 'VEHICLE.NOT_FOUND', message: 'x', requestId: 'r' });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('VEHICLE.NOT_FOUND');
    expect(toApiError(502, null)).toBeInstanceOf(UnreachableError);
    expect(toApiError(502, { error: 'Bad Gateway' })).toBeInstanceOf(UnreachableError);
  });

  it('says plainly that no truck with the plate is declared', () => {
    expect(errorText(new ApiError(404, 'VEHICLE.NOT_FOUND', undefined), t, '12C-999.99')).toBe(
      'vehicle.notFound {"plate":"12C-999.99"}',
    );
  });

  it('says why a plate was refused, from the plate rule in the details', () => {
    const details = [
      { field: 'plate', message: 'Plate number contains an invisible character (PLATE.INVISIBLE_CHARACTER)' },
    ];
    expect(plateRule(details)).toBe('PLATE.INVISIBLE_CHARACTER');
    expect(errorText(new ApiError(400, 'REQUEST.VALIDATION_FAILED', details), t, '12C\u200b123')).toBe(
      'vehicle.invalid {"why":"plate.INVISIBLE_CHARACTER"}',
    );
  });

  it('translates known codes, names unknown ones by code, and never shows the raw answer', () => {
    expect(errorText(new ApiError(429, 'RATE_LIMIT.EXCEEDED', undefined), t)).toBe('error.RATE_LIMIT_EXCEEDED');
    expect(errorText(new ApiError(409, 'VEHICLE.AMBIGUOUS_PLATE', undefined), t, '12345')).toBe(
      'error.VEHICLE_AMBIGUOUS_PLATE',
    );
    expect(errorText(new ApiError(500, 'INTERNAL', undefined), t)).toBe('error.other {"code":"INTERNAL"}');
    expect(errorText(new UnreachableError(), t)).toBe('error.unreachable');
    expect(errorText(new TypeError('Failed to fetch'), t)).toBe('error.unreachable');
  });
});
