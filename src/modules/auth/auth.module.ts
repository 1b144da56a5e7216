import { Module } from '@nestjs/common';
import { OfficersModule } from '../officers/officers.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { OfficerAuthGuard } from './officer-auth.guard.js';
import { OfficerRefreshTokens } from './officer-refresh-tokens.service.js';
import { TokenService } from './token.service.js';

/** Officer login, access and refresh tokens (and the TokenService that also signs QR check-in tokens), OfficerAuthGuard. */
@Module({
  imports: [OfficersModule],
  controllers: [AuthController],
  providers: [TokenService, AuthService, OfficerAuthGuard, OfficerRefreshTokens],
  exports: [TokenService, AuthService, OfficerAuthGuard, OfficersModule],
})
export class AuthModule {}
