import type { LookupAddress } from 'node:dns';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { postOnce } from './webhook-http.js';
import { publicOnlyLookup, type Resolver } from './webhook-target.js';

describe('postOnce', () => {
  const received: IncomingHttpHeaders[] = [];
  let receiver: Server;
  let port: number;

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      received.push(request.headers);
      request.resume();
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
  beforeEach(() => (received.length = 0));

  /** A resolver that counts its calls and answers `answer(n)` on the n-th. */
  function resolver(answer: (call: number) => string): Resolver & { calls: number } {
    const resolve = Object.assign(
      (): Promise<LookupAddress[]> => Promise.resolve([{ address: answer((resolve.calls += 1)), family: 4 }]),
      { calls: 0 },
    );
    return resolve;
  }

  /** Checks nothing: shows which address a lookup's answer makes the connection use. */
  const trustingLookup =
    (resolve: Resolver): LookupFunction =>
    (hostname, options, callback) => {
      void resolve(hostname).then((addresses) =>
        options.all ? callback(null, addresses) : callback(null, addresses[0].address, addresses[0].family),
      );
    };

  it('connects to the address its lookup answered, keeping the name in Host', async () => {
    const resolve = resolver(() => '127.0.0.1');
    const url = new URL(`http://hooks.example.test:${port}/in`);
    const status = await postOnce(url, '{}', { headers: {}, timeoutMs: 2000, lookup: trustingLookup(resolve) });
    expect(status).toBe(204);
    expect(received.map((h) => h.host)).toEqual([`hooks.example.test:${port}`]);
    expect(received[0]['content-length']).toBe('2');
  });

  it('never reaches a loopback receiver through a name that answers public, then loopback (DNS rebinding)', async () => {
    const rebinding = resolver((call) => (call === 1 ? '93.184.215.14' : '127.0.0.1'));
    const url = new URL(`http://rebind.example.test:${port}/in`);
    // The one resolution answers the public address, which is what gets connected to (whatever becomes of that).
    await postOnce(url, '{}', { headers: {}, timeoutMs: 300, lookup: publicOnlyLookup(rebinding) }).catch(() => 0);
    expect(rebinding.calls).toBe(1);
    expect(received).toEqual([]);
  });

  it('refuses to connect when the name resolves to loopback', async () => {
    const url = new URL(`http://inside.example.test:${port}/in`);
    const lookup = publicOnlyLookup(resolver(() => '127.0.0.1'));
    await expect(postOnce(url, '{}', { headers: {}, timeoutMs: 2000, lookup })).rejects.toThrow(
      'refused: inside.example.test resolves to a loopback address (127.0.0.1)',
    );
    expect(received).toEqual([]);
  });

  it('gives up with a TimeoutError when the receiver does not answer in time', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`);
    try {
      await expect(postOnce(url, '{}', { headers: {}, timeoutMs: 100 })).rejects.toMatchObject({
        name: 'TimeoutError',
      });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
