import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class CreateApiKeyRequestDto {
  @ApiProperty({ example: 'TMS production', maxLength: 100, description: 'Tells the company’s keys apart' })
  @IsString()
  @MaxLength(100)
  name: string;
}

export class ApiKeyResponseDto {
  @ApiProperty({ example: 'Xk3_a9Qz', description: 'The first 8 characters after `bgk_`: safe to show' })
  prefix: string;

  @ApiProperty({ example: 'TMS production' })
  name: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Last request made with the key, to the minute; null if never used',
  })
  lastUsedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revokedAt: string | null;
}

export class CreatedApiKeyResponseDto {
  @ApiProperty({
    example: 'bgk_Xk3_a9QzR2m8LwYt5nB0cV7dF1gH4jK6pS9uE2iO3a',
    description: 'The key itself, shown only in this answer: store it now',
  })
  apiKey: string;

  @ApiProperty({ example: 'Xk3_a9Qz' })
  prefix: string;

  @ApiProperty({ example: 'TMS production' })
  name: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
