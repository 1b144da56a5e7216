import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  /** How the host name becomes the address connected to; the system's when absent. */
  lookup?: LookupFunction;
}

/**
 * POSTs `body` and resolves with the status code once the answer's head arrives; the answer's body is never read
 * (the connection is dropped). Redirects are not followed. Rejects with a `TimeoutError` after `timeoutMs`.
 */
export function postOnce(url: URL, body: string, options: PostOptions): Promise<number> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: options.lookup,
        agent: false, // a fresh connection, so every delivery resolves and checks the name again
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    const timer = setTimeout(() => {
      const timeout = new Error(`timed out after ${options.timeoutMs} ms`);
      timeout.name = 'TimeoutError';
      request.destroy(timeout);
    }, options.timeoutMs);
    request.on('error', reject);
    request.on('close', () => clearTimeout(timer));
    request.end(body);
  });
}
