import { Module } from '@nestjs/common';
import { OfficersService } from './officers.service.js';

@Module({
  providers: [OfficersService],
  exports: [OfficersService],
})
export class OfficersModule {}
