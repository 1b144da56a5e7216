import 'reflect-metadata';
import { DomainError } from '../../../src/common/errors/domain-error.js';
import { createDataSource } from '../../../src/database/data-source.js';
import { Sql } from '../../../src/database/sql.js';
import { OFFICERS_ENTITIES } from '../../../src/modules/officers/officers.entities.js';
import { OfficersService } from '../../../src/modules/officers/officers.service.js';
import type { BenchContext } from '../context.js';
import { oneLine } from '../context.js';
import { one, type Pool, rows } from '../db.js';
import { waitForScreening } from '../drain.js';
import type { OfficerLoop } from '../load/protocol.js';
import { runLoad } from '../load/run.js';
import type { OfficersResult } from '../results.js';
import { submitWorkload } from './open.js';

export const OFFICER_GATE = 'HUU_NGHI';
export const OFFICER_PASSWORD = 'bench-officer-password-2026';
/** 20 officers, split by how much each agency has to do (quarantine only for perishable goods). */
export const OFFICER_SPLIT: Record<string, number> = { customs: 6, border_guard: 6, yard: 6, quarantine: 2 };

/** The service's own OfficersService (validation, scrypt hash, insert) on a DataSource of its own. */
async function withOfficersService<T>(db: Pool, use: (service: OfficersService) => Promise<T>): Promise<T> {
  const dataSource = createDataSource({
    url: db.options.connectionString!,
    poolSize: 1,
    applicationName: 'border-gate-bench',
    entities: OFFICERS_ENTITIES,
  });
  await dataSource.initialize();
  try {
    return await use(new OfficersService(new Sql(dataSource)));
  } finally {
    await dataSource.destroy();
  }
}

/** Creates (or finds) the bench officers: bench.<agency>.<n>, posted at the gate. */
export async function ensureOfficers(db: Pool): Promise<{ username: string; agency: string; id: string }[]> {
  return withOfficersService(db, async (service) => {
    const out: { username: string; agency: string; id: string }[] = [];
    for (const [agency, count] of Object.entries(OFFICER_SPLIT)) {
      for (let i = 1; i <= count; i++) {
        const username = `bench.${agency.replace('_', '-')}.${String(i).padStart(2, '0')}`;
        try {
          await service.create({ username, password: OFFICER_PASSWORD, agency, gates: [OFFICER_GATE] });
        } catch (error) {
          if (!(error instanceof DomainError && error.code === 'CONFLICT.DUPLICATE')) throw error;
        }
        // A reused database: same password, posted here, unlocked and enabled.
        const row = await one<{ id: string }>(
          db,
          `UPDATE officer SET gates = ARRAY[$2]::text[], failed_logins = 0, locked_until = NULL, disabled_at = NULL
          WHERE username = $1 RETURNING id`,
          [username, OFFICER_GATE],
        );
        out.push({ username, agency, id: row!.id });
      }
    }
    return out;
  });
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: OFFICER_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * Trucks for the scenario: about 3.3 steps each, so 40 trucks a second of duration keep 20 officers busy at
 * ~130 decisions/s; a faster service drains the queues early (the scenario then ends), a slower one leaves
 * trucks in the yard (counted, and decided by the next run). Preparing them is most of the scenario's time.
 */
export function trucksFor(durationSec: number): number {
  return Math.min(4000, Math.max(100, Math.round(durationSec * 40)));
}

/**
 * Scenario 5: declares trucks for the gate, waits for screening, checks them in through the API (yard
 * officer), logs 20 officers in, runs their claim + pass loops concurrently, then checks the audit log:
 * no step claimed twice, none decided twice.
 */
export async function officersScenario(ctx: BenchContext): Promise<OfficersResult> {
  const prepStarted = Date.now();
  const base = ctx.service!.apiUrls[0];
  // Data: the gate must be open for check-ins.
  await ctx.db.query(
    'UPDATE gate SET open = true, closed_reason = NULL, closed_at = NULL, closed_by = NULL WHERE code = $1',
    [OFFICER_GATE],
  );
  const officers = await ensureOfficers(ctx.db);
  const tokens = new Map<string, string>();
  for (const o of officers) tokens.set(o.username, await login(base, o.username));

  // Declare the trucks (open loop at 300/s, ids kept), let the worker accept them.
  const trucks = trucksFor(ctx.options.durationSec);
  const since = new Date();
  const declared = await runLoad({
    mode: 'open',
    targets: ctx.service!.apiUrls,
    connections: 64,
    durationSec: trucks / 300,
    rate: 300,
    timeoutSec: 30,
    workload: await submitWorkload(ctx, 'officers', trucks, true, OFFICER_GATE),
  });
  await waitForScreening(ctx.db, ctx.benchKey.companyId, since, 600_000);
  const accepted = await rows<{ id: string; plate: string }>(
    ctx.db,
    `SELECT id, plate FROM declaration WHERE id = ANY($1::uuid[]) AND status = 'accepted'`,
    [declared.ids ?? []],
  );

  // Check them in as a yard officer, 16 at a time.
  const yard = officers.find((o) => o.agency === 'yard')!;
  const yardToken = tokens.get(yard.username)!;
  let checkInErrors = 0;
  const checkInSamples: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < accepted.length) {
        const truck = accepted[next++];
        const res = await fetch(`${base}/api/v1/gates/${OFFICER_GATE}/check-ins`, {
          method: 'POST',
          headers: { authorization: `Bearer ${yardToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ plate: truck.plate }),
        });
        const text = await res.text();
        if (res.status !== 201) {
          checkInErrors++;
          if (checkInSamples.length < 3) checkInSamples.push(`${res.status} ${text.slice(0, 300)}`);
        }
      }
    }),
  );
  if (checkInErrors) ctx.note(`officers: ${checkInErrors} check-ins failed, e.g. ${checkInSamples.join(' | ')}`);

  // Everything waiting at the gate counts (seeded trucks in the yard as well as ours).
  const open = await rows<{ agency: string; n: string }>(
    ctx.db,
    `SELECT s.agency, count(*) AS n FROM clearance_step s JOIN declaration d ON d.id = s.declaration_id
      WHERE s.gate_code = $1 AND s.status = 'waiting' AND d.status = 'in_yard' GROUP BY s.agency`,
    [OFFICER_GATE],
  );
  const stepsPerAgency = Object.fromEntries(open.map((r) => [r.agency, Number(r.n)]));
  const steps = Object.values(stepsPerAgency).reduce((a, b) => a + b, 0);
  const prepSeconds = (Date.now() - prepStarted) / 1000;
  ctx.log(
    `  officers: ${accepted.length} trucks checked in, ${steps} steps waiting at ${OFFICER_GATE} (prepared in ${prepSeconds.toFixed(0)} s)`,
  );

  const loops: OfficerLoop[] = officers.map((o) => ({
    token: tokens.get(o.username)!,
    agency: o.agency,
    username: o.username,
  }));
  const runStarted = new Date();
  const load = await runLoad({
    mode: 'closed',
    targets: ctx.service!.apiUrls,
    connections: loops.length,
    durationSec: ctx.options.durationSec,
    timeoutSec: 10,
    workload: { kind: 'officers', gate: OFFICER_GATE, loops, stepsPerAgency, idleMs: 20 },
  });
  const o = load.officers!;

  // The audit log decides: no step claimed twice, none decided twice, by our officers since the start.
  const actors = officers.map((x) => `officer:${x.id}`);
  const twice = async (actions: string[]): Promise<number> =>
    Number(
      (await one<{ n: string }>(
        ctx.db,
        `SELECT count(*) AS n FROM (
           SELECT step_id FROM declaration_event
            WHERE action = ANY($1) AND at >= $2 AND step_id IN (
              SELECT step_id FROM declaration_event WHERE action = ANY($1) AND actor = ANY($3) AND at >= $2)
            GROUP BY step_id HAVING count(*) > 1) x`,
        [actions, runStarted, actors],
      ))!.n,
    );
  const claimedTwice = await twice(['step.claimed']);
  const decidedTwice = await twice(['step.passed', 'step.held', 'step.refused']);
  const result: OfficersResult = {
    load,
    officers: loops.length,
    trucks: accepted.length,
    steps,
    prepSeconds,
    claim: o.claim,
    decide: o.decide,
    decisions: o.decisions,
    decisionsPerSec: o.decisionsPerSec,
    claimedTwice,
    decidedTwice,
    clientSawDuplicateClaim: o.claimedTwiceByClient.length,
    verified: claimedTwice === 0 && decidedTwice === 0 && o.claimedTwiceByClient.length === 0,
  };
  ctx.log(
    `  officers: ${oneLine(load)}\n    claim p50 ${o.claim.p50.toFixed(1)} / p99 ${o.claim.p99.toFixed(1)} ms, decide p50 ${o.decide.p50.toFixed(1)} / p99 ${o.decide.p99.toFixed(1)} ms, ${o.decisions} decisions (${o.decisionsPerSec.toFixed(0)}/s), ${o.emptyClaims} empty claims`,
  );
  ctx.log(
    `  audit log: ${claimedTwice} steps claimed twice, ${decidedTwice} decided twice → ${result.verified ? 'OK' : 'DUPLICATES'}`,
  );
  if (o.decisionErrors)
    ctx.note(`officers: ${o.decisionErrors} decisions were refused (${load.sampleErrors[0] ?? ''})`);
  return result;
}
