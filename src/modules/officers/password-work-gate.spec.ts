import { PasswordWorkBusyError, PasswordWorkGate } from './password-work-gate.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PasswordWorkGate', () => {
  it('runs at most `concurrency` at once, queues up to the bound, and refuses beyond it without running', async () => {
    const gate = new PasswordWorkGate(2, 1);
    const release = deferred();
    let started = 0;
    const work = async (): Promise<string> => {
      started += 1;
      await release.promise;
      return 'done';
    };
    const running = [gate.run(work), gate.run(work)];
    const queued = gate.run(work);
    await Promise.resolve();
    expect(gate.stats).toEqual({ running: 2, waiting: 1 });
    expect(started).toBe(2);

    const refused = gate.run(work);
    await expect(refused).rejects.toBeInstanceOf(PasswordWorkBusyError);
    await expect(refused).rejects.toMatchObject({ code: 'AUTH.BUSY', retryAfterSeconds: 2 });

    release.resolve();
    await expect(Promise.all([...running, queued])).resolves.toEqual(['done', 'done', 'done']);
    expect(started).toBe(3);
    expect(gate.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('lets unbounded work (a new password) wait however long the queue', async () => {
    const gate = new PasswordWorkGate(1, 0);
    const release = deferred();
    const first = gate.run(() => release.promise);
    await expect(gate.run(() => Promise.resolve('login'))).rejects.toBeInstanceOf(PasswordWorkBusyError);
    const waiting = gate.run(() => Promise.resolve('new password'), false);
    release.resolve();
    await first;
    await expect(waiting).resolves.toBe('new password');
  });

  it('frees the slot when the work fails', async () => {
    const gate = new PasswordWorkGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(() => Promise.resolve(1))).resolves.toBe(1);
  });
});
