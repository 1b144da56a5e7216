import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { HasText } from '../../../common/validation/validators.js';

export class AmendmentDecisionRequestDto {
  @ApiProperty({ enum: ['approve', 'decline'] })
  @IsIn(['approve', 'decline'])
  decision: 'approve' | 'decline';

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @HasText()
  note?: string;
}

export class AmendmentRequestResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) declarationId: string;
  @ApiProperty({ example: 'HN-20261127-00042', description: "The declaration's reference" }) reference: string;
  @ApiProperty({
    example: '12C12345',
    description: "The vehicle's plate as the declaration holds it (after an approved change of vehicle, the new one)",
  })
  plate: string;
  @ApiProperty({ example: '12C-123.45', description: 'The plate as people write it' }) plateDisplay: string;
  @ApiProperty({ enum: ['pending', 'approved', 'declined'] }) status: string;
  @ApiProperty({ description: 'The sections the company asked to replace' }) changes: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}
