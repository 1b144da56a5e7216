import { ApiProperty } from '@nestjs/swagger';

/** A declaration's wait at a regulation yard, as its company and the gate's officers see it. */
export class RegulationYardWaitDto {
  @ApiProperty({ example: 'PHU_XA' }) yard: string;
  @ApiProperty({ enum: ['waiting', 'called'], description: '`called`: it must check in at the gate by `callDeadline`' })
  state: string;
  @ApiProperty({ nullable: true, type: Number, description: "Place in the gate's line while waiting (1: next)" })
  placeInLine: number | null;
  @ApiProperty({ format: 'date-time' }) arrivedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) calledAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) callDeadline: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'general (turn 2 of 8: no aeo truck waiting)',
    description: "The priority cycle's turn that called it",
  })
  callRule: string | null;
  @ApiProperty({ description: 'Calls it missed (each sent it to the back of the line)' }) missedCalls: number;
}
