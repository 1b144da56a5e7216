import http from 'node:http';

export interface Answer {
  status: number;
  body: string;
}

/** Keep-alive agents, one per target, for the node:http generators. */
export function agents(targets: readonly string[], maxSockets: number): http.Agent[] {
  return targets.map(
    () => new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'fifo' }),
  );
}

/**
 * One request over a keep-alive agent. Resolves with the status and (when `keepBody`) the body; rejects on a
 * socket error or after `timeoutMs` without an answer.
 */
export function send(
  agent: http.Agent,
  target: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
  keepBody: boolean,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method,
        path,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        if (keepBody || (res.statusCode ?? 0) >= 300) res.on('data', (c: Buffer) => chunks.push(c));
        else res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
