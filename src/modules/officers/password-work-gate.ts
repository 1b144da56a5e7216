import { DomainError } from '../../common/errors/domain-error.js';
import { msg } from '../../common/i18n/message.js';

/** Seconds a client is asked to wait when password hashing is saturated. */
export const PASSWORD_BUSY_RETRY_AFTER_SECONDS = 2;

/** 503 `AUTH.BUSY`: too many password checks are running or waiting; nothing was hashed. */
export class PasswordWorkBusyError extends DomainError {
  readonly retryAfterSeconds = PASSWORD_BUSY_RETRY_AFTER_SECONDS;

  constructor() {
    super('AUTH.BUSY', msg('auth.busy', { seconds: PASSWORD_BUSY_RETRY_AFTER_SECONDS }), {
      retryAfterSeconds: PASSWORD_BUSY_RETRY_AFTER_SECONDS,
    });
    this.name = 'PasswordWorkBusyError';
  }
}

/**
 * A counting semaphore with a bounded wait queue. Password hashing runs on libuv's small thread pool, which DNS
 * lookups and file reads share; letting a login flood fill it would slow every other request of the process.
 */
export class PasswordWorkGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private concurrency: number,
    private queueLength: number,
  ) {}

  resize(concurrency: number, queueLength: number): void {
    this.concurrency = concurrency;
    this.queueLength = queueLength;
  }

  /**
   * Runs `work` when a slot is free. With `bounded` (what anyone may send: logins) throws PasswordWorkBusyError at
   * once when the queue is full; without (hashing a new password for an operator or an administrator) waits.
   */
  async run<T>(work: () => Promise<T>, bounded = true): Promise<T> {
    if (this.running >= this.concurrency) {
      if (bounded && this.waiting.length >= this.queueLength) throw new PasswordWorkBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, so `running` never dips and lets a newcomer jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
