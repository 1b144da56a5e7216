import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { OfficersModule } from '../officers/officers.module.js';
import { QueueBoardAuth } from './queue-board-auth.service.js';

/** The supervisors' queue dashboard (Bull Board at /admin/queues, mounted in http-app.ts) and its login. */
@Module({
  imports: [AuthModule, OfficersModule],
  providers: [QueueBoardAuth],
  exports: [QueueBoardAuth],
})
export class QueueBoardModule {}
