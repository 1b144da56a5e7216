import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Answer = number | 'hang';

/** A company's webhook endpoint on loopback: records every request; answers 200 unless told otherwise per path. */
export class WebhookReceiver {
  readonly requests: Received[] = [];
  private readonly plans = new Map<string, Answer[]>();
  private readonly always = new Map<string, Answer>();
  private server: Server;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.requests.push({ path, headers: req.headers, body });
        const answer = this.plans.get(path)?.shift() ?? this.always.get(path) ?? 200;
        if (answer !== 'hang') this.reply(res, answer);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** The next answers for this path, in order; then the standing answer. */
  plan(path: string, answers: Answer[]): void {
    this.plans.set(path, [...answers]);
  }

  answerAlways(path: string, answer: Answer): void {
    this.always.set(path, answer);
  }

  at(path: string): Received[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private reply(res: ServerResponse, status: number): void {
    if (status >= 300 && status < 400) res.setHeader('location', this.url('/elsewhere'));
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
  }
}
