import autocannon from 'autocannon';
import type { LoadResult, LoadSpec, LookupWorkload, SubmitWorkload, GetWorkload } from './protocol.js';
import { type OutgoingRequest, requestSource, submitSource } from './sources.js';
import { Tally } from './tally.js';

/**
 * Closed loop with autocannon: `connections` keep-alive connections (split across the targets), each sending
 * its next request when the last one answered. Latencies come from autocannon's per-response event, so
 * several targets merge into exact percentiles.
 */
export async function runClosedAutocannon(spec: LoadSpec): Promise<LoadResult> {
  const workload = spec.workload as LookupWorkload | SubmitWorkload | GetWorkload;
  const submissions = workload.kind === 'submit' ? submitSource(workload) : null;
  const next: () => OutgoingRequest = submissions ? submissions.next : requestSource(workload);
  const tally = new Tally();
  const perTarget = splitConnections(spec.connections, spec.targets.length);
  const started = performance.now();
  const results = await Promise.all(
    spec.targets.map(
      (target, t) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            {
              url: target,
              connections: perTarget[t],
              duration: spec.durationSec,
              timeout: spec.timeoutSec,
              pipelining: 1,
              requests: [
                {
                  setupRequest: (req: autocannon.Request, context: Record<string, unknown>) => {
                    const r = next();
                    context.expect404 = r.expect404;
                    return { ...req, method: r.method, path: r.path, headers: r.headers, body: r.body };
                  },
                  onResponse: (status: number, body: string, context: Record<string, unknown>) => {
                    tally.answer(status, context.expect404 === true, body);
                  },
                },
              ],
            } as autocannon.Options,
            (error: unknown, result) =>
              error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(result),
          );
          instance.on('response', (_client, _status, _bytes, responseTime: number) => tally.latency(responseTime));
        }),
    ),
  );
  const elapsedSec = (performance.now() - started) / 1000;
  const socketErrors = results.reduce((a, r) => a + r.errors, 0);
  const timeouts = results.reduce((a, r) => a + r.timeouts, 0);
  return {
    mode: 'closed',
    workload: workload.kind,
    generator: 'autocannon',
    connections: spec.connections,
    ...tally.counts(elapsedSec),
    socketErrors,
    timeouts,
    ...(submissions && workload.kind === 'submit' ? { platesWrapped: submissions.count() > workload.plateCount } : {}),
  };
}

/** Splits n connections over k targets as evenly as possible (each at least 1). */
export function splitConnections(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.max(1, Math.floor(n / k) + (i < n % k ? 1 : 0)));
}
