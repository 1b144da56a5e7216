import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module.js';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { ReturnsModule } from '../returns/returns.module.js';
import { ClosedGateCheckInInterceptor } from './closed-gate-check-in.interceptor.js';
import { GateBoardService } from './gate-board.service.js';
import { GateStateService } from './gate-state.service.js';
import { GatesController } from './gates.controller.js';

/** The gates for everyone (list, live board) and for their supervisors (close, reopen; check-ins refused while closed). */
@Module({
  imports: [AuthModule, DeclarationsModule, ReturnsModule],
  controllers: [GatesController],
  providers: [GateStateService, GateBoardService, { provide: APP_INTERCEPTOR, useClass: ClosedGateCheckInInterceptor }],
  exports: [GateStateService, GateBoardService],
})
export class GatesModule {}
