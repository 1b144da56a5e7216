import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES } from '../../events/domain-event.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../webhook.types.js';

export class WebhookAttemptResponseDto {
  @ApiProperty({ example: 1, description: 'Attempt number within its run (a redelivery starts again at 1)' })
  attempt: number;

  @ApiProperty({ format: 'date-time' })
  attemptedAt: string;

  @ApiProperty({ nullable: true, type: Number, example: 500, description: 'HTTP status the receiver answered' })
  statusCode: number | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'connect ECONNREFUSED 203.0.113.7:443',
    description: 'When no usable answer came: network error, timeout, refused target, redirect',
  })
  error: string | null;

  @ApiProperty({ example: 183 })
  durationMs: number;
}

export class WebhookDeliveryResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Also the `id` in the body and the x-bordergate-delivery header' })
  id: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES })
  eventType: string;

  @ApiProperty({ example: 10412, description: 'Audit-log sequence number of the event' })
  eventSeq: number;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: DeliveryStatus;

  @ApiProperty({ description: 'Attempts made so far, redeliveries included' })
  attempts: number;

  @ApiProperty({ nullable: true, type: Number })
  lastStatusCode: number | null;

  @ApiProperty({ nullable: true, type: String })
  lastError: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  deliveredAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: [WebhookAttemptResponseDto], description: 'Every attempt, oldest first' })
  attemptHistory: WebhookAttemptResponseDto[];
}

export class WebhookDeliveryListResponseDto {
  @ApiProperty({ type: [WebhookDeliveryResponseDto], description: 'Newest first' })
  items: WebhookDeliveryResponseDto[];
}
