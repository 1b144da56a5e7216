import { PollingLoop } from './polling-loop.js';

describe('PollingLoop', () => {
  it('runs back to back while the step asks for no pause, and stops promptly from a long pause', async () => {
    let runs = 0;
    const loop = new PollingLoop(() => Promise.resolve(++runs < 5 ? 0 : 60_000));
    loop.start();
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await loop.stop();
    expect(runs).toBe(5);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('lets the step in progress finish before stop resolves', async () => {
    let finished = false;
    const loop = new PollingLoop(async () => {
      await new Promise((r) => setTimeout(r, 100));
      finished = true;
      return 10;
    });
    loop.start();
    await loop.stop();
    expect(finished).toBe(true);
  });
});
