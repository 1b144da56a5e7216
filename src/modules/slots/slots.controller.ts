import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { GATE_CODES } from '../../common/domain/gate-code.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import { gateParam } from '../../common/http/gate-param.js';
import { CurrentOfficer } from '../auth/current-officer.decorator.js';
import type { AuthenticatedOfficer } from '../auth/officer-access.js';
import { OfficerAuthGuard } from '../auth/officer-auth.guard.js';
import type { AuthenticatedCompany } from '../companies/companies.service.js';
import { CompanyAuthGuard } from '../companies/company-auth.guard.js';
import { CompanyRoles } from '../companies/company-roles.decorator.js';
import { CurrentCompany } from '../companies/current-company.decorator.js';
import { Idempotent } from '../declarations/idempotent.decorator.js';
import {
  BookingRuleDto,
  BookingRuleRequestDto,
  BookingSuspensionDto,
  BookSlotRequestDto,
  CapacityExceptionDto,
  CapacityExceptionRequestDto,
  HourlyCapacityDto,
  HourlyCapacityQueryDto,
  HourlyCapacityRequestDto,
  LiftSuspensionRequestDto,
  SlotBookingDto,
  SlotCalendarDto,
  SlotsQueryDto,
} from './dto/slots.dto.js';
import { SlotAdminService } from './slot-admin.service.js';
import { SlotSettingsRepository } from './slot-settings.repository.js';
import { SlotsService } from './slots.service.js';

/** The public calendar of arrival hours, and what supervisors set for it. */
@ApiTags('slots')
@Controller('api/v1/gates')
export class GateSlotsController {
  constructor(
    private readonly slots: SlotsService,
    private readonly admin: SlotAdminService,
    private readonly settings: SlotSettingsRepository,
  ) {}

  @Get(':gate/slots')
  @ApiOperation({
    summary: "A gate's arrival hours: capacity, booked, free (public, no authentication)",
    description:
      'From `from` (default: the current hour) for `hours` hours (default 72, at most 336), per direction. ' +
      'Counts only. The capacity is the standing capacity of the hour of the local day, or a calendar exception.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: SlotCalendarDto })
  @ApiErrorResponses(400)
  async calendar(@Param('gate') raw: string, @Query() query: SlotsQueryDto): Promise<SlotCalendarDto> {
    const gate = gateParam(raw);
    const [hours, timezone] = await Promise.all([
      this.slots.hours(gate, query.direction, query.from ? new Date(query.from) : undefined, query.hours ?? 72),
      this.settings.timezone(gate),
    ]);
    return { gate, timezone, hours };
  }

  @Get(':gate/hourly-capacity')
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({ summary: 'The standing arrivals per hour of the local day (officers of the gate)' })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: [HourlyCapacityDto] })
  @ApiErrorResponses(400, 401, 403)
  hourlyCapacity(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Query() query: HourlyCapacityQueryDto,
  ): Promise<HourlyCapacityDto[]> {
    return this.admin.hourlyCapacity(officer, gateParam(gate), query.direction);
  }

  @Put(':gate/hourly-capacity')
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({
    summary: 'Set arrivals per hour of the local day, one direction (supervisors of the gate)',
    description: 'The hours listed change; the others stay. Bookings already taken stay (an hour may show free 0).',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: HourlyCapacityDto })
  @ApiErrorResponses(400, 401, 403, 422)
  @Idempotent(200)
  setHourlyCapacity(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Body() body: HourlyCapacityRequestDto,
  ): Promise<HourlyCapacityDto> {
    return this.admin.setHourlyCapacity(officer, gateParam(gate), body);
  }

  @Get(':gate/capacity-exceptions')
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({ summary: "The calendar's exceptions not over yet (officers of the gate)" })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: [CapacityExceptionDto] })
  @ApiErrorResponses(400, 401, 403)
  exceptions(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
  ): Promise<CapacityExceptionDto[]> {
    return this.admin.exceptions(officer, gateParam(gate));
  }

  @Post(':gate/capacity-exceptions')
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({
    summary: 'Add a calendar exception: a holiday, a closure, reduced hours (supervisors of the gate)',
    description: 'Every hour in [startsAt, endsAt) takes capacityPerHour instead of its standing capacity.',
  })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: CapacityExceptionDto })
  @ApiErrorResponses(400, 401, 403, 422)
  @Idempotent(201)
  addException(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Body() body: CapacityExceptionRequestDto,
  ): Promise<CapacityExceptionDto> {
    return this.admin.addException(officer, gateParam(gate), body);
  }

  @Delete(':gate/capacity-exceptions/:id')
  @HttpCode(204)
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({ summary: 'Remove a calendar exception (supervisors of the gate)' })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiNoContentResponse()
  @ApiErrorResponses(400, 401, 403, 404)
  async removeException(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Param('id') id: string,
  ): Promise<void> {
    await this.admin.removeException(officer, gateParam(gate), id);
  }

  @Get(':gate/booking-rule')
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({ summary: "The gate's booking rule: arrival tolerance, strikes, suspension (officers of the gate)" })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: BookingRuleDto })
  @ApiErrorResponses(400, 401, 403)
  rule(@CurrentOfficer() officer: AuthenticatedOfficer, @Param('gate') gate: string): Promise<BookingRuleDto> {
    return this.admin.rule(officer, gateParam(gate));
  }

  @Put(':gate/booking-rule')
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({ summary: "Set the gate's booking rule, every field (supervisors of the gate)" })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: BookingRuleDto })
  @ApiErrorResponses(400, 401, 403, 422)
  @Idempotent(200)
  setRule(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
    @Body() body: BookingRuleRequestDto,
  ): Promise<BookingRuleDto> {
    return this.admin.setRule(officer, gateParam(gate), body);
  }

  @Get(':gate/booking-suspensions')
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({ summary: 'Booking suspensions in force that strikes at this gate led to (officers of the gate)' })
  @ApiParam({ name: 'gate', enum: GATE_CODES })
  @ApiOkResponse({ type: [BookingSuspensionDto] })
  @ApiErrorResponses(400, 401, 403)
  suspensions(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('gate') gate: string,
  ): Promise<BookingSuspensionDto[]> {
    return this.admin.gateSuspensions(officer, gateParam(gate));
  }
}

/** A declaration's booked hour (the company's). */
@ApiTags('declarations')
@ApiBearerAuth('company')
@ApiCookieAuth('company-session')
@CompanyRoles('admin', 'clerk', 'api_key')
@UseGuards(CompanyAuthGuard)
@Controller('api/v1/declarations')
export class DeclarationSlotController {
  constructor(private readonly slots: SlotsService) {}

  @Put(':id/slot')
  @ApiOperation({
    summary: 'Book or move the arrival hour of a submitted or accepted declaration',
    description:
      'The hour must be on the arrival day (else 409 SLOT.OTHER_DAY); the expected arrival becomes its start. ' +
      'A full hour answers 409 SLOT.FULL with `details.nearestFree`; a suspension 409 BOOKING.SUSPENDED. A move ' +
      "less than the gate's late-cancellation time before the old hour counts as a strike.",
  })
  @ApiOkResponse({ type: SlotBookingDto })
  @ApiErrorResponses(400, 401, 404, 409, 422)
  @Idempotent(200)
  book(
    @CurrentCompany() company: AuthenticatedCompany,
    @Param('id') id: string,
    @Body() body: BookSlotRequestDto,
  ): Promise<SlotBookingDto> {
    return this.slots.book(company, id, body.slotStart);
  }

  @Delete(':id/slot')
  @ApiOperation({
    summary: 'Give the booked arrival hour back',
    description: "Less than the gate's late-cancellation time before the hour, this counts as a strike.",
  })
  @ApiOkResponse({ type: SlotBookingDto })
  @ApiErrorResponses(400, 401, 404, 409, 422)
  @Idempotent(200)
  release(@CurrentCompany() company: AuthenticatedCompany, @Param('id') id: string): Promise<SlotBookingDto> {
    return this.slots.release(company, id);
  }
}

/** Booking suspensions: the company's own, and a supervisor's lift. */
@ApiTags('slots')
@Controller('api/v1/booking-suspensions')
export class BookingSuspensionsController {
  constructor(private readonly admin: SlotAdminService) {}

  @Get()
  @ApiBearerAuth('company')
  @ApiCookieAuth('company-session')
  @CompanyRoles('admin', 'clerk', 'api_key')
  @UseGuards(CompanyAuthGuard)
  @ApiOperation({ summary: "The company's booking suspensions in force, with the reason and until when" })
  @ApiOkResponse({ type: [BookingSuspensionDto] })
  @ApiErrorResponses(401)
  mine(@CurrentCompany() company: AuthenticatedCompany): Promise<BookingSuspensionDto[]> {
    return this.admin.companySuspensions(company);
  }

  @Post(':id/lift')
  @HttpCode(200)
  @UseGuards(OfficerAuthGuard)
  @ApiBearerAuth('officer')
  @ApiOperation({
    summary: 'Lift a booking suspension, with a note (a supervisor of a gate its strikes were at)',
    description: 'Audited `booking.suspension_lifted` on the declaration whose strike opened it.',
  })
  @ApiOkResponse({ type: BookingSuspensionDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  @Idempotent(200)
  lift(
    @CurrentOfficer() officer: AuthenticatedOfficer,
    @Param('id') id: string,
    @Body() body: LiftSuspensionRequestDto,
  ): Promise<BookingSuspensionDto> {
    return this.admin.lift(officer, id, body.note);
  }
}
