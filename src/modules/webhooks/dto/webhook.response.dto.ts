import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES } from '../../events/domain-event.js';

export class WebhookResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'https://tms.example.vn/hooks/border-gate' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  events: string[];

  @ApiProperty({ enum: ['active', 'disabled'], description: 'Disabled after a delivery failed every attempt' })
  status: 'active' | 'disabled';

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'delivery 0b6f2c1e-7d4a-4c61-9a55-3f0e8b7d2a10 failed 14 times; last: HTTP 500',
    description: 'Why the webhook was disabled',
  })
  disabledReason: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  disabledAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** The answer to registration: the only time the signing secret is shown. */
export class CreatedWebhookResponseDto extends WebhookResponseDto {
  @ApiProperty({
    example: 'whsec_5Jx1hH0yq0mV7m3b2yWc0mQ8i0Qy8m2a0m1V6c0x3kQ',
    description: 'Signing secret for the x-bordergate-signature header. Shown only here: store it now.',
  })
  secret: string;
}

export class WebhookListResponseDto {
  @ApiProperty({ type: [WebhookResponseDto] })
  items: WebhookResponseDto[];
}
