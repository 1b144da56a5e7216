import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module.js';
import { BoardEventsController } from './board-events.controller.js';
import { BoardEventsHub } from './board-events-hub.service.js';
import { ClosedGateCheckInInterceptor } from './closed-gate-check-in.interceptor.js';
import { GateBoardModule } from './gate-board.module.js';
import { GateStateService } from './gate-state.service.js';
import { GatesController } from './gates.controller.js';

/**
 * The gates for everyone (list, live board and its warnings) and for their supervisors (close, reopen; check-ins
 * refused while closed).
 */
@Module({
  imports: [AuthModule, GateBoardModule],
  controllers: [GatesController, BoardEventsController],
  providers: [GateStateService, BoardEventsHub, { provide: APP_INTERCEPTOR, useClass: ClosedGateCheckInInterceptor }],
  exports: [GateStateService, GateBoardModule],
})
export class GatesModule {}
