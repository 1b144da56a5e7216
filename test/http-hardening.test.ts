import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { uniqueVnPlate } from './support/factories.js';
import { startService, type RunningService } from './support/processes.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

// Transport-level hardening: parser errors in the one error shape, security headers, the CORS policy, and which
// peers' X-Forwarded-For counts.

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes `request` as raw bytes on a fresh connection and reads until the server closes it. */
function rawRequest(baseUrl: string, request: string | Buffer): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
    socket.end(request);
  });
}

function expectCodedAnswer(answer: RawAnswer, status: number, code: string): string {
  expect({ status: answer.status, contentType: answer.headers['content-type'] }).toEqual({
    status,
    contentType: 'application/json; charset=utf-8',
  });
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId', 'statusCode']);
  expect(body).toMatchObject({ statusCode: status, code, message: expect.stringMatching(/\S/) });
  expect(body.requestId).toMatch(/^[\da-f-]{36}$/);
  expect(answer.headers['x-request-id']).toBe(body.requestId);
  expect(answer.headers.connection).toBe('close');
  return body.requestId as string;
}

describe('requests the HTTP parser refuses', () => {
  const logLines: string[] = [];
  let t: TestApp;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    t = await startTestApp({ APP_ROLE: 'api' }, pino({ level: 'info' }, sink));
  });
  afterAll(() => t?.close());

  const plate = uniqueVnPlate();
  it.each([
    ['a request line that is not HTTP', `GARBAGE ${plate}\r\n\r\n`, 400, 'REQUEST.MALFORMED_HTTP'],
    [
      'a header holding a control character',
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Plate: ${plate}\u0001\r\n\r\n`,
      400,
      'REQUEST.MALFORMED_HTTP',
    ],
    [
      'headers over 16 KiB',
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'REQUEST.HEADERS_TOO_LARGE',
    ],
    [
      'a Content-Length that is not a number',
      'POST /api/v1/declarations HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}',
      400,
      'REQUEST.REJECTED',
    ],
    [
      'two different Content-Lengths',
      'POST /api/v1/declarations HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      400,
      'REQUEST.REJECTED',
    ],
    [
      'a chunk size that is not hexadecimal',
      'POST /api/v1/declarations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n',
      400,
      'REQUEST.MALFORMED_HTTP',
    ],
    [
      'Transfer-Encoding beside Content-Length',
      'POST /api/v1/declarations HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n',
      400,
      /^REQUEST\.(MALFORMED_HTTP|REJECTED)$/,
    ],
  ] as const)('answers %s in the coded error shape with a logged request id', async (_, request, status, code) => {
    const answer = await rawRequest(t.baseUrl, request);
    const body = JSON.parse(answer.body) as { code: string };
    expect(body.code).toMatch(code);
    const requestId = expectCodedAnswer(answer, status, body.code);
    const logged = logLines.find((line) => line.includes(requestId));
    expect(logged).toMatch(/malformed HTTP request refused/);
    expect(logLines.join('')).not.toContain(plate);
  });

  it('still serves a well-formed request after all that', async () => {
    expect((await t.request({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService({ APP_ROLE: 'api' });
  });
  afterAll(() => service?.stop());

  async function headersOf(path: string): Promise<Headers> {
    const res = await fetch(`${service.url}${path}`);
    await res.arrayBuffer();
    return res.headers;
  }

  it.each(['/health', '/api/v1/gates', '/api/v1/no-such-route', '/', '/company', '/api/docs', '/api/docs-json'])(
    'sends HSTS, nosniff, DENY framing and a referrer policy on %s',
    async (path) => {
      const headers = await headersOf(path);
      expect(headers.get('strict-transport-security')).toMatch(/^max-age=31536000; includeSubDomains$/);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(headers.get('x-powered-by')).toBeNull();
    },
  );

  it('gives JSON answers a policy that loads nothing', async () => {
    expect((await headersOf('/api/v1/gates')).get('content-security-policy')).toMatch(/^default-src 'none'/);
  });

  it('gives the pages a policy without inline scripts or styles', async () => {
    const csp = (await headersOf('/company')).get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
  });

  it('keeps the API documentation page working: its own scripts only, its inline styles allowed', async () => {
    const res = await fetch(`${service.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/swagger-ui-init\.js/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect((await fetch(`${service.url}/api/docs/swagger-ui-init.js`)).status).toBe(200);
  });
});

describe('CORS', () => {
  const portal = 'https://portal.example.com';
  let open: TestApp;
  let closed: TestApp;

  beforeAll(async () => {
    open = await startTestApp({ APP_ROLE: 'api', CORS_ORIGINS: `${portal},http://localhost:5173` });
    closed = await startTestApp({ APP_ROLE: 'api' });
  });
  afterAll(async () => {
    await open?.close();
    await closed?.close();
  });

  const preflight = (t: TestApp, origin: string): Promise<Response> =>
    fetch(`${t.baseUrl}/api/v1/declarations`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });

  it('allows a listed origin, with credentials, on preflight and on the answer', async () => {
    const res = await preflight(open, portal);
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe(portal);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    const get = await fetch(`${open.baseUrl}/api/v1/gates`, { headers: { origin: portal } });
    expect(get.headers.get('access-control-allow-origin')).toBe(portal);
    expect(get.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('gives an unlisted origin no CORS headers at all', async () => {
    for (const res of [
      await preflight(open, 'https://evil.example.com'),
      await fetch(`${open.baseUrl}/api/v1/gates`, { headers: { origin: 'https://portal.example.com.evil.net' } }),
    ]) {
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('sends no CORS headers when CORS_ORIGINS is empty (the default)', async () => {
    for (const res of [
      await preflight(closed, portal),
      await fetch(`${closed.baseUrl}/api/v1/gates`, { headers: { origin: portal } }),
    ]) {
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });
});

describe('HTTP_TRUST_PROXY and the public rate limit', () => {
  const limits = { APP_ROLE: 'api', RATE_LIMIT_PUBLIC_PER_MIN: '3' };
  let seq = 0;
  const address = (): string => `198.51.100.${(seq += 1)}`;

  async function lookups(t: TestApp, count: number, forwardedFor: () => string): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const res: TestResponse = await t.request({
        method: 'GET',
        url: `/api/v1/vehicles/${encodeURIComponent(uniqueVnPlate())}/status`,
        headers: { 'x-forwarded-for': forwardedFor() },
      });
      statuses.push(res.statusCode);
    }
    return statuses;
  }

  it.each([
    ['false', 'false'],
    ['a CIDR list without the peer', '10.0.0.0/8,192.168.0.0/16'],
  ])('ignores X-Forwarded-For from an untrusted peer (%s): one budget for all', async (_, setting) => {
    const t = await startTestApp({ ...limits, HTTP_TRUST_PROXY: setting });
    try {
      const statuses = await lookups(t, 5, address);
      expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    } finally {
      await t.close();
    }
  });

  it.each([
    ['the peer address', '127.0.0.1'],
    ['a CIDR holding the peer', '127.0.0.0/8,10.0.0.0/8'],
    ['one hop', '1'],
  ])('believes X-Forwarded-For from a trusted proxy (%s): one budget per client', async (_, setting) => {
    const t = await startTestApp({ ...limits, HTTP_TRUST_PROXY: setting });
    try {
      expect((await lookups(t, 5, address)).filter((s) => s === 429)).toEqual([]);
      const one = address();
      expect((await lookups(t, 5, () => one)).filter((s) => s === 429)).toHaveLength(2);
    } finally {
      await t.close();
    }
  });

  it('with a hop count, believes only that many hops: a spoofed leftmost address is ignored', async () => {
    const t = await startTestApp({ ...limits, HTTP_TRUST_PROXY: '1' });
    try {
      const client = address();
      // The client forges a different first entry each time; the proxy appends the real one last.
      const statuses = await lookups(t, 5, () => `${address()}, ${client}`);
      expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    } finally {
      await t.close();
    }
  });
});
