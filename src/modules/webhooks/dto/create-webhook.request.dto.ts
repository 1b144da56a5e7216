import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../events/domain-event.js';
import { WEBHOOK_URL_MAX_LENGTH } from '../webhook-target.js';

export class CreateWebhookRequestDto {
  @ApiProperty({
    example: 'https://tms.example.vn/hooks/border-gate',
    maxLength: WEBHOOK_URL_MAX_LENGTH,
    description:
      'An https URL without credentials. localhost and literal private, loopback, link-local, unique-local, ' +
      'multicast and CGNAT addresses are refused; host names are checked again against DNS at each delivery.',
  })
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url: string;

  @ApiProperty({
    enum: WEBHOOK_EVENT_TYPES,
    isArray: true,
    example: ['declaration.accepted', 'declaration.rejected'],
    description: 'One or more event types, each once',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: WebhookEventType[];
}
