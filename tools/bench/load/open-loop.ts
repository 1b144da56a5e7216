import { dueAt, dueBy, openLoopLatency, plannedCount } from '../schedule.js';
import { summarize } from '../stats.js';
import { agents, send } from './http-client.js';
import type { LoadResult, LoadSpec, LookupWorkload, SubmitWorkload } from './protocol.js';
import { requestSource, submitSource, type OutgoingRequest } from './sources.js';
import { Tally } from './tally.js';

/**
 * Open loop: request i is due at t0 + i/rate and is sent then (or as soon as the generator gets to it), on
 * keep-alive connections (as many as needed, up to `connections` per target; beyond that requests wait
 * for a socket, and that wait counts). Latency = completion − due time, so a stall of the service is paid
 * by every request due during it: no coordinated omission. The generator's own lateness is reported apart.
 */
export async function runOpenLoop(spec: LoadSpec): Promise<LoadResult> {
  const workload = spec.workload as LookupWorkload | SubmitWorkload;
  const rate = spec.rate ?? 0;
  const total = plannedCount(rate, spec.durationSec);
  const submissions = workload.kind === 'submit' ? submitSource(workload) : null;
  const next: () => OutgoingRequest = submissions ? submissions.next : requestSource(workload);
  const collectIds = workload.kind === 'submit' && workload.collectIds === true;
  const targets = spec.targets.map((t) => new URL(t));
  const pool = agents(spec.targets, spec.connections);
  const tally = new Tally();
  const sendLag: number[] = [];
  const ids: string[] = [];
  let socketErrors = 0;
  let timeouts = 0;
  let inFlight = 0;
  let sent = 0;

  const t0 = performance.now() + 20;
  await new Promise<void>((resolveAll) => {
    const fire = (i: number): void => {
      const due = dueAt(t0, i, rate);
      const r = next();
      const t = i % targets.length;
      sendLag.push(performance.now() - due);
      inFlight++;
      send(pool[t], targets[t], r.method, r.path, r.headers, r.body, spec.timeoutSec * 1000, collectIds)
        .then(
          (answer) => {
            tally.latency(openLoopLatency(due, performance.now()));
            const kind = tally.answer(answer.status, r.expect404, answer.body);
            if (collectIds && kind === 'ok') {
              const id = (JSON.parse(answer.body) as { id?: unknown }).id;
              if (typeof id === 'string') ids.push(id);
            }
          },
          (error: Error) => {
            socketErrors++;
            if (error.message === 'timeout') timeouts++;
          },
        )
        .finally(() => {
          inFlight--;
          if (sent === total && inFlight === 0) resolveAll();
        });
    };
    const tick = (): void => {
      const now = performance.now();
      const due = dueBy(t0, now, rate, total);
      while (sent < due) fire(sent++);
      if (sent < total) {
        setTimeout(tick, Math.max(0, dueAt(t0, sent, rate) - performance.now()));
      } else if (inFlight === 0) {
        resolveAll();
      }
    };
    setTimeout(tick, Math.max(0, t0 - performance.now()));
  });
  const elapsedSec = (performance.now() - t0) / 1000;
  for (const a of pool) a.destroy();
  return {
    mode: 'open',
    workload: workload.kind,
    generator: 'node:http',
    connections: spec.connections,
    ...tally.counts(elapsedSec),
    socketErrors,
    timeouts,
    planned: total,
    offeredRate: rate,
    sendLag: summarize(sendLag),
    ...(collectIds ? { ids } : {}),
    ...(submissions && workload.kind === 'submit' ? { platesWrapped: submissions.count() > workload.plateCount } : {}),
  };
}
