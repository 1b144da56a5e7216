import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUS } from '../errors/error-codes.js';
import { LANGUAGES } from '../i18n/language.js';

export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({
    example: 'REQUEST.VALIDATION_FAILED',
    description: 'Stable, namespaced, the same in every language; see docs/api.md',
    enum: Object.keys(ERROR_STATUS),
  })
  code: string;
  @ApiProperty({
    example:
      'vehicle.plate: Plate number contains an invisible character (U+200B); type it again by hand (PLATE.INVISIBLE_CHARACTER)',
    description: 'What was wrong and what to do, in the language chosen by Accept-Language (see Content-Language)',
  })
  message: string;
  @ApiPropertyOptional({
    description:
      'For validation failures, one entry per offending field: [{field, message}]; `field` is the path as sent, ' +
      '`message` is in the chosen language. Otherwise an object of codes and values (never translated).',
    type: 'array',
    items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
  })
  details?: unknown;
  @ApiProperty({ example: '5d0c3b1e-9a43-4c1f-a3f4-6c1f5b7f1e2a', description: 'Also sent as the X-Request-Id header' })
  requestId: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request; `details` names each offending field',
  401:
    'Missing or invalid credentials: AUTH.API_KEY_MISSING / AUTH.API_KEY_INVALID / AUTH.SESSION_EXPIRED (company ' +
    'endpoints), AUTH.TOKEN_MISSING / AUTH.TOKEN_INVALID (officer endpoints)',
  403:
    'AUTH.WRONG_PRINCIPAL: the other kind of credential (an officer token on a company endpoint, or a company key ' +
    'on an officer endpoint); AUTH.FORBIDDEN: not posted at the gate, not that agency’s work, or not that company ' +
    'role’s; AUTH.CSRF: a company portal request without its X-CSRF-Token or from another origin',
  404: 'Not found (or not yours)',
  409: 'Conflict: a request with this Idempotency-Key is still in flight, or a concurrent change',
  413: 'Body larger than the limit',
  415: 'Body is not JSON: send it with Content-Type: application/json',
  422: 'Idempotency-Key already used for a different request (another body, route or parameters)',
  429: 'Too many requests',
  503: 'A dependency is down',
};

const CONTENT_LANGUAGE = {
  'Content-Language': {
    description: 'The language of `message` and `details[].message`, chosen from Accept-Language',
    schema: { type: 'string', enum: [...LANGUAGES] },
  },
};

/** Documents the shared error shape for each listed status. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponseDto, headers: CONTENT_LANGUAGE }),
    ),
  );
}
