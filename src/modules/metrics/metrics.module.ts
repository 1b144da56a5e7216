import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { QueueBoardAuth } from './queue-board.auth.js';

/** GET /metrics for Prometheus, and the supervisors' queue dashboard's authentication (mounted in http-app.ts). */
@Module({
  imports: [AuthModule],
  controllers: [MetricsController],
  providers: [MetricsService, QueueBoardAuth],
  exports: [MetricsService, QueueBoardAuth],
})
export class MetricsModule {}
