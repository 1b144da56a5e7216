import { Module } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository.js';

/** The outbox's statements other modules call (writes inside their transactions go through enqueue.ts). */
@Module({
  providers: [OutboxRepository],
  exports: [OutboxRepository],
})
export class OutboxModule {}
