import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { VehicleStatusResponseDto } from './dto/vehicle-status.response.dto.js';
import { VehicleStatusService } from './vehicle-status.service.js';

@ApiTags('public')
@Controller('api/v1/vehicles')
export class VehiclesController {
  constructor(private readonly vehicles: VehicleStatusService) {}

  @Get(':plate/status')
  @ApiOperation({
    summary: 'Where does a truck stand? (public, no authentication)',
    description:
      'Any common spelling finds the plate (dashes, dots, spaces, case, full-width). A Chinese plate typed ' +
      'without its province character is found when unambiguous. Answers status, gate and times only.',
  })
  @ApiParam({ name: 'plate', example: '12C-123.45' })
  @ApiOkResponse({ type: VehicleStatusResponseDto })
  @ApiErrorResponses(400, 404, 409)
  status(@Param('plate') plate: string): Promise<VehicleStatusResponseDto> {
    return this.vehicles.statusOf(plate);
  }
}
