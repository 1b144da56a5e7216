import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.js';
import type { AuthenticatedCompany } from '../companies/companies.service.js';
import { CompanyAuthGuard } from '../companies/company-auth.guard.js';
import { CompanyRoles } from '../companies/company-roles.decorator.js';
import { Idempotent } from '../declarations/idempotent.decorator.js';
import { CurrentCompany } from '../companies/current-company.decorator.js';
import { CreateWebhookRequestDto } from './dto/create-webhook.request.dto.js';
import { ListWebhookDeliveriesQueryDto } from './dto/list-webhook-deliveries.query.dto.js';
import { WebhookDeliveryListResponseDto, WebhookDeliveryResponseDto } from './dto/webhook-delivery.response.dto.js';
import { CreatedWebhookResponseDto, WebhookListResponseDto, WebhookResponseDto } from './dto/webhook.response.dto.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('webhooks')
@ApiBearerAuth('company')
@ApiCookieAuth('company-session')
@CompanyRoles('admin', 'api_key')
@UseGuards(CompanyAuthGuard)
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register a webhook',
    description:
      'Events of your own declarations are POSTed to the URL, signed with the secret in this answer ' +
      '(shown only here; see docs/webhooks.md). At most 10 active webhooks per company.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponseDto })
  @ApiErrorResponses(400, 401, 409, 422)
  @Idempotent(201)
  register(
    @CurrentCompany() company: AuthenticatedCompany,
    @Body() dto: CreateWebhookRequestDto,
  ): Promise<CreatedWebhookResponseDto> {
    return this.webhooks.register(company, dto);
  }

  @Get()
  @ApiOperation({ summary: "The company's webhooks (active and disabled), oldest first; never their secrets" })
  @ApiOkResponse({ type: WebhookListResponseDto })
  @ApiErrorResponses(401)
  async list(@CurrentCompany() company: AuthenticatedCompany): Promise<WebhookListResponseDto> {
    return { items: await this.webhooks.list(company) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook; its pending deliveries are not sent' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(400, 401, 404, 409, 422)
  @Idempotent(204)
  async remove(@CurrentCompany() company: AuthenticatedCompany, @Param('id') id: string): Promise<void> {
    await this.webhooks.remove(company, id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Re-enable a webhook disabled after failed deliveries',
    description: 'New events are delivered again; redeliver the failed ones by hand. Counts against the limit.',
  })
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiErrorResponses(400, 401, 404, 409, 422)
  @Idempotent(200)
  enable(@CurrentCompany() company: AuthenticatedCompany, @Param('id') id: string): Promise<WebhookResponseDto> {
    return this.webhooks.enable(company, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "A webhook's deliveries, newest first, each with every attempt" })
  @ApiOkResponse({ type: WebhookDeliveryListResponseDto })
  @ApiErrorResponses(400, 401, 404)
  async deliveries(
    @CurrentCompany() company: AuthenticatedCompany,
    @Param('id') id: string,
    @Query() query: ListWebhookDeliveriesQueryDto,
  ): Promise<WebhookDeliveryListResponseDto> {
    return { items: await this.webhooks.deliveries(company, id, query.limit) };
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a delivered or failed delivery again',
    description: 'Queued again with the same body and id (new signature); the webhook must be active.',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponseDto })
  @ApiErrorResponses(400, 401, 404, 409, 422)
  @Idempotent(202)
  redeliver(
    @CurrentCompany() company: AuthenticatedCompany,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryResponseDto> {
    return this.webhooks.redeliver(company, id, deliveryId);
  }
}
