/**
 * Runs `step` again and again until stopped. `step` returns how long to wait before the next run (0: at
 * once, e.g. after a full batch) and handles its own errors. `stop()` wakes a sleeping loop and waits for
 * the step in progress to finish.
 */
export class PollingLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly step: () => Promise<number>) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const pauseMs = await this.step();
      if (pauseMs > 0 && this.running) await this.sleep(pauseMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
