import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { HasText } from '../../../common/validation/validators.js';
import { GATE_CODES } from '../../../common/domain/gate-code.js';

export class YardResponseDto {
  @ApiProperty({ example: 'PHU_XA' }) code: string;
  @ApiProperty({ example: 'Viettel Logistics Park, Phú Xá' }) name: string;
}

export class DirectionCapacityDto {
  @ApiProperty({ description: 'Declarations per arrival day, export' }) export: number;
  @ApiProperty({ description: 'Declarations per arrival day, import' }) import: number;
}

export class GateResponseDto {
  @ApiProperty({ enum: GATE_CODES }) code: string;
  @ApiProperty({ example: 'Cửa khẩu quốc tế Hữu Nghị' }) name: string;
  @ApiProperty({ example: 'Huu Nghi International Border Gate' }) nameEn: string;
  @ApiProperty({ example: 'Cao Lộc' }) district: string;
  @ApiProperty({ example: 'Youyiguan 友谊关 (Pingxiang, Guangxi)' }) counterpartName: string;
  @ApiProperty({ type: [YardResponseDto] }) yards: YardResponseDto[];
  @ApiProperty({ type: DirectionCapacityDto }) capacityPerDay: DirectionCapacityDto;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh', description: "The gate's days (arrival day, board, statistics)" })
  timezone: string;
  @ApiProperty({
    description:
      "Vehicles the gate's own yard holds at once; trucks are called forward from the regulation yards to fill it",
  })
  yardCapacity: number;
  @ApiProperty({ description: 'Check-ins are refused while a gate is closed' }) open: boolean;
  @ApiProperty({ nullable: true, type: String }) closedReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
}

/** What the supervisor who closes or opens a gate gets back: the gate, with who closed it. */
export class GateStateResponseDto extends GateResponseDto {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The officer who closed it' })
  closedBy: string | null;
}

export class CloseGateRequestDto {
  @ApiProperty({ maxLength: 500, example: 'Flooding on the freight road at marker 1119' })
  @IsString()
  @MaxLength(500)
  @HasText()
  reason: string;
}

export class YardCapacityRequestDto {
  @ApiProperty({ minimum: 0, maximum: 10000, example: 400, description: 'Vehicles the gate yard holds at once' })
  @IsInt()
  @Min(0)
  @Max(10000)
  capacity: number;
}
