import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

export const IDEMPOTENT_WRITE = 'border-gate:idempotent-write';

/**
 * Marks a write that honours an optional `Idempotency-Key` (IdempotentWriteInterceptor): the first request with a
 * key runs and its answer is kept; the same request again gets that answer with `Idempotent-Replayed: true`.
 * `answers`: the success statuses, documented with the replay header. Place it below the route's response
 * decorators (it is then applied first, and theirs merge their schema into its entries).
 */
export function Idempotent(...answers: number[]): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_WRITE, true),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Optional, 1-255 visible ASCII characters, unique per company or officer: the same request sent again ' +
        'with the same key is answered from the first run instead of running twice (docs/api.md, Idempotency)',
    }),
    ...answers.map((status) =>
      ApiResponse({
        status,
        headers: {
          'Idempotent-Replayed': {
            description: '`true` when this is the stored answer of an earlier request with the same Idempotency-Key',
            schema: { type: 'string', enum: ['true'] },
          },
        },
      }),
    ),
  );
}
