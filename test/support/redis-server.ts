import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { createConnection } from 'node:net';

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A private redis-server on a loopback port that a test may stop and start at will, without touching the
 * shared Redis other tests use. Keeps nothing on disk, so a restart loses every job, as in production's worst case.
 */
export class DisposableRedis {
  readonly port = randomInt(20_000, 40_000);
  private process: ChildProcess | null = null;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await until(() => answers(this.port), `redis-server on ${this.port}`);
  }

  /** SIGSTOP: the server keeps its connections open and answers nothing, as a stalled Redis does. */
  freeze(): void {
    this.process?.kill('SIGSTOP');
  }

  /** SIGCONT after `freeze()`: the server answers again, every queued command at once. */
  thaw(): void {
    this.process?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    child.kill('SIGCONT'); // a frozen server dies only once it runs again
    await exited;
    await until(async () => !(await answers(this.port)), `redis-server on ${this.port} to stop`);
  }
}
