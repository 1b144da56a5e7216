import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startService, type RunningService } from '../support/processes.js';

// SIGTERM under load, with keep-alive clients: every request gets a real answer, busy clients are told to go with
// `Connection: close`, idle connections end with a clean FIN (never a reset), and the process exits cleanly.

interface Answer {
  status: number;
  connection: string | undefined;
}

function get(url: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface IdleConnection {
  socket: Socket;
  /** 'fin' for a clean end, else the error code or how it ended. */
  ended: Promise<string>;
}

/** A raw keep-alive connection that made one request, read its answer, and now sits idle. */
async function idleConnection(baseUrl: string): Promise<IdleConnection> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  let errorCode: string | null = null;
  socket.on('error', (error: NodeJS.ErrnoException) => (errorCode = error.code ?? error.message));
  const ended = new Promise<string>((resolve) => {
    let fin = false;
    socket.on('end', () => (fin = true));
    socket.on('close', () => resolve(errorCode ?? (fin ? 'fin' : 'closed without FIN')));
  });
  const answered = new Promise<void>((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (/\r\n\r\n/.test(text)) resolve();
    });
  });
  socket.write('GET /health HTTP/1.1\r\nHost: drill\r\nConnection: keep-alive\r\n\r\n');
  await answered;
  return { socket, ended };
}

describe('SIGTERM drains HTTP cleanly', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService({ APP_ROLE: 'api', HTTP_DRAIN_GRACE_MS: '800', RATE_LIMIT_PUBLIC_PER_MIN: '0' });
  });
  afterAll(async () => {
    if (service?.child.exitCode === null) await service.stop();
  });

  it('answers every request, closes keep-alive connections without a reset, and exits', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const idle = await Promise.all(Array.from({ length: 5 }, () => idleConnection(service.url)));

    const answers: Answer[] = [];
    const failures: string[] = [];
    let signalled = false;
    // Twenty clients in a loop; a client stops once told `Connection: close` after the signal, as one behind a
    // load balancer would be sent elsewhere.
    const clients = Array.from({ length: 20 }, async () => {
      for (;;) {
        try {
          const answer = await get(`${service.url}/api/v1/gates`, agent);
          answers.push(answer);
          if (answer.connection === 'close') return;
        } catch (error) {
          failures.push(`${(error as NodeJS.ErrnoException).code ?? String(error)} (after signal: ${signalled})`);
          return;
        }
      }
    });
    await sleep(300);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      service.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    signalled = true;
    service.child.kill('SIGTERM');
    await Promise.all(clients);
    const idleEndings = await Promise.all(idle.map((c) => c.ended));
    const exit = await exited;
    agent.destroy();

    expect(failures).toEqual([]);
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(answers.filter((a) => a.connection === 'close')).toHaveLength(20);
    expect(idleEndings).toEqual(Array(5).fill('fin'));
    // Nest's way: a clean shutdown re-raises the signal (a stuck one would exit with code 1 after 25 s).
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(service.output()).not.toMatch(/"level":(50|60)/);
  });
});
