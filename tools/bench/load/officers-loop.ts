import { summarize } from '../stats.js';
import { agents, send } from './http-client.js';
import type { LoadResult, LoadSpec, OfficersWorkload } from './protocol.js';
import { Tally } from './tally.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * One loop per officer: claim the next step of the officer's agency queue at the gate, pass it (with a
 * payment reference for the fee step), again, until time is up or the agency's steps are all decided. An
 * empty queue (204) waits `idleMs` and asks again: later stages open as earlier ones pass.
 */
export async function runOfficers(spec: LoadSpec): Promise<LoadResult> {
  const w = spec.workload as OfficersWorkload;
  const targets = spec.targets.map((t) => new URL(t));
  const pool = agents(spec.targets, Math.ceil(w.loops.length / targets.length) + 1);
  const tally = new Tally();
  const claimMs: number[] = [];
  const decideMs: number[] = [];
  const seen = new Set<string>();
  const claimedTwice: string[] = [];
  const decided: Record<string, number> = {};
  let emptyClaims = 0;
  let decisionErrors = 0;
  let socketErrors = 0;
  let timeouts = 0;
  let lastDecisionAt = 0;
  const started = performance.now();
  const endAt = started + spec.durationSec * 1000;
  const timeoutMs = spec.timeoutSec * 1000;

  const call = async (t: number, method: string, path: string, token: string, body?: unknown) => {
    const sentAt = performance.now();
    try {
      const answer = await send(
        pool[t],
        targets[t],
        method,
        path,
        body === undefined
          ? { authorization: `Bearer ${token}` }
          : { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body === undefined ? undefined : JSON.stringify(body),
        timeoutMs,
        true,
      );
      const ms = performance.now() - sentAt;
      tally.latency(ms);
      return { ...answer, ms };
    } catch (error) {
      socketErrors++;
      if ((error as Error).message === 'timeout') timeouts++;
      return null;
    }
  };

  const loop = async (n: number): Promise<void> => {
    const officer = w.loops[n];
    const t = n % targets.length;
    const total = w.stepsPerAgency[officer.agency] ?? 0;
    let paid = 0;
    while (performance.now() < endAt && (decided[officer.agency] ?? 0) < total) {
      const claim = await call(t, 'POST', `/api/v1/gates/${w.gate}/queues/${officer.agency}/claim`, officer.token);
      if (!claim) continue;
      if (claim.status === 204) {
        tally.answer(204, false);
        emptyClaims++;
        await sleep(w.idleMs);
        continue;
      }
      if (tally.answer(claim.status, false, claim.body) !== 'ok') {
        await sleep(w.idleMs);
        continue;
      }
      claimMs.push(claim.ms);
      const step = JSON.parse(claim.body) as { id: string; kind: string };
      if (seen.has(step.id)) claimedTwice.push(step.id);
      seen.add(step.id);
      const decision = await call(t, 'POST', `/api/v1/steps/${step.id}/decision`, officer.token, {
        decision: 'pass',
        ...(step.kind === 'fee' ? { paymentReference: `BENCH-${officer.username}-${++paid}` } : {}),
      });
      if (!decision) continue;
      if (tally.answer(decision.status, false, decision.body) === 'ok') {
        decideMs.push(decision.ms);
        decided[officer.agency] = (decided[officer.agency] ?? 0) + 1;
        lastDecisionAt = performance.now();
      } else {
        decisionErrors++;
      }
    }
  };
  await Promise.all(w.loops.map((_, n) => loop(n)));
  const elapsedSec = (performance.now() - started) / 1000;
  const decisions = Object.values(decided).reduce((a, b) => a + b, 0);
  const busySec = lastDecisionAt > 0 ? (lastDecisionAt - started) / 1000 : elapsedSec;
  for (const a of pool) a.destroy();
  return {
    mode: 'closed',
    workload: 'officers',
    generator: 'node:http',
    connections: w.loops.length,
    ...tally.counts(elapsedSec),
    socketErrors,
    timeouts,
    officers: {
      claim: summarize(claimMs),
      decide: summarize(decideMs),
      emptyClaims,
      decisions,
      decisionsPerSec: decisions / busySec,
      claimedTwiceByClient: claimedTwice,
      decisionErrors,
      perAgency: decided,
    },
  };
}
