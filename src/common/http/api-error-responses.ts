import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'REQUEST.VALIDATION_FAILED', description: 'Stable, namespaced; see docs/api.md' })
  code: string;
  @ApiProperty({ example: 'vehicle.plate: plate contains an invisible character (PLATE.INVISIBLE_CHARACTER)' })
  message: string;
  @ApiPropertyOptional({
    description: 'For validation failures, one entry per offending field: [{field, message}]',
    type: 'array',
    items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
  })
  details?: unknown;
  @ApiProperty({ example: '5d0c3b1e-9a43-4c1f-a3f4-6c1f5b7f1e2a', description: 'Also sent as the X-Request-Id header' })
  requestId: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request; `details` names each offending field',
  401: 'Missing, unknown or revoked API key',
  404: 'Not found (or not yours)',
  409: 'Conflict: a request with this Idempotency-Key is still in flight, or a concurrent change',
  413: 'Body larger than the limit',
  415: 'Body is not application/json',
  422: 'Idempotency-Key already used for a different request (another body, route or parameters)',
  429: 'Too many requests',
  503: 'A dependency is down',
};

/** Documents the shared error shape for each listed status. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponseDto })),
  );
}
