/**
 * `npm run bench`: builds (npm script), seeds or reuses the bench database, runs the bare floor and then the
 * service as production runs it (API and worker processes apart), loads them from separate processes, and
 * prints one table with the targets. See docs/performance.md.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, type ScenarioName, shellQuote, splitDatabaseUrl, USAGE, UsageError } from './args.js';
import type { BenchContext } from './context.js';
import { pool, type Pool, vacuumIfAutovacuumOff } from './db.js';
import { waitForScreening } from './drain.js';
import {
  absentPlates,
  benchCompany,
  BENCH_GATE_CAPACITY,
  type CompanyKey,
  raiseGateCapacity,
  revokeKeys,
  samplePlates,
} from './fixtures.js';
import { runLoad } from './load/run.js';
import { machineInfo } from './machine.js';
import { clearQueuePrefix } from './redis.js';
import { verifyExactlyOnce } from './verify.js';
import { MemorySampler } from './memory.js';
import { unknownPlateCandidates } from './plates.js';
import { killAll, runningNames } from './processes.js';
import { fmtBytes, ratio, scenarioTable, targetLines } from './report.js';
import { type BenchResults, evaluateTargets, summarize as summarizeResults, tableRows } from './results.js';
import { boardClosed, lookupClosed, platesFor, submitClosed } from './scenarios/closed.js';
import { runFloor } from './scenarios/floor.js';
import { listingClosed } from './scenarios/listing.js';
import { officersScenario } from './scenarios/officers.js';
import { memoryOverTime, soak } from './scenarios/soak.js';
import { acceptedLatency, lookupOpen, submitOpen } from './scenarios/open.js';
import {
  benchQueuePrefix,
  BENCH_RATE_LIMIT_PER_MIN,
  type RunningService,
  startService,
  stopService,
  whileWorkersPaused,
} from './service.js';
import { countDeclarations, prepareDatabase, recordApiFill } from './seed.js';
import type { LoadResult } from './load/protocol.js';
import { reservePlates } from './db.js';

// The submission loop with the worker paused stays under BullMQ's 30 s job lock, warm-up included.
const PAUSED_WORKER_MAX_SEC = 20;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const out = (text: string): void => void process.stdout.write(`${text}\n`);

async function main(argv: string[]): Promise<void> {
  const options = parseBenchArgs(argv);
  if (options.help) {
    out(USAGE);
    return;
  }
  const started = new Date();
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const runId = stamp.replace(/[^0-9]/g, '').slice(0, 14);
  const resultsDir = join(repoRoot, 'bench-results');
  const logDir = join(resultsDir, 'logs', stamp);
  const profileDir = join(resultsDir, 'profiles');
  mkdirSync(logDir, { recursive: true });
  if (options.cpuProf) mkdirSync(profileDir, { recursive: true });
  const has = (s: ScenarioName): boolean => options.scenarios.includes(s);
  // As typed: through npm (npm sets npm_lifecycle_event) or node directly.
  const command =
    process.env.npm_lifecycle_event === 'bench'
      ? shellQuote(['npm', 'run', 'bench', ...(argv.length ? ['--', ...argv] : [])])
      : shellQuote(['node', relative(process.cwd(), process.argv[1]) || process.argv[1], ...argv]);
  const notes: string[] = [];
  const note = (line: string): void => {
    notes.push(line);
    log(`  note: ${line}`);
  };

  // Header first: machine, date, commit, command line.
  const admin = pool(splitDatabaseUrl(options.databaseUrl).adminUrl, 1);
  const machine = await machineInfo(admin, repoRoot, command).finally(() => admin.end());
  out(`border-gate bench — ${machine.date}`);
  out(`command  ${machine.command}`);
  out(`commit   ${machine.commit}${machine.dirty ? ' (working tree has uncommitted changes)' : ''}`);
  out(`machine  ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, ${machine.os}`);
  out(`software node ${machine.node}, PostgreSQL ${machine.postgres}`);
  out(`load     ${machine.loadAverage.join(' ')} (1/5/15 min) at start`);
  if (machine.loadAverage[0] > machine.cores / 2) {
    note(
      `the machine was busy when the run started (load average ${machine.loadAverage[0]} on ${machine.cores} cores): other processes competed for CPU, so absolute numbers are low and noisy; ratios to the floor less so`,
    );
  }
  out(`logs     ${logDir}`);
  out('');

  const results: BenchResults = {
    schema: 1,
    machine,
    options,
    settings: {},
    dataset: {
      seeded: null,
      method: null,
      reused: false,
      declarationsAtStart: 0,
      seedSeconds: null,
      floorRows: null,
    },
    scenarios: {},
    memory: { peakRss: {}, apiPeakRss: null },
    verification: null,
    notes,
    targets: [],
    table: [],
    summary: {},
  };

  let db: Pool | null = null;
  let service: RunningService | null = null;
  const keys: CompanyKey[] = [];
  try {
    // 1. The data.
    const prepared = await prepareDatabase(repoRoot, options.databaseUrl, options.declarations, options.reseed, log);
    if (prepared.note) note(prepared.note);
    // A new database: jobs an earlier run left in Redis under this prefix belong to rows that are gone.
    if (!prepared.reused) await clearQueuePrefix(options.redisUrl, benchQueuePrefix(options.databaseUrl));
    db = pool(options.databaseUrl, 4);
    await raiseGateCapacity(db);
    note(
      `gate capacity raised to ${BENCH_GATE_CAPACITY.toLocaleString('en-US')} per day and direction in the bench database (data), so capacity is not what is measured`,
    );
    const benchKey = await benchCompany(db);
    keys.push(benchKey);

    const serviceOptions = {
      repoRoot,
      databaseUrl: options.databaseUrl,
      redisUrl: options.redisUrl,
      api: options.api,
      workers: options.workers,
      logLevel: options.logLevel,
      cpuProf: false,
      logDir,
      profileDir,
    };
    let dataset = prepared.dataset;
    if (prepared.needsApiFill) {
      dataset = await apiFill(db, options.declarations, benchKey, serviceOptions, runId, log);
    }
    const declarationsAtStart = await countDeclarations(options.databaseUrl);
    results.dataset = {
      seeded: dataset?.seeded ?? null,
      method: dataset?.method ?? null,
      reused: prepared.reused,
      declarationsAtStart,
      seedSeconds: dataset?.seedSeconds ?? null,
      floorRows: null,
    };
    log(
      `dataset: ${declarationsAtStart.toLocaleString('en-US')} declarations (${prepared.reused ? 'reused' : `seeded by ${dataset?.method}`})`,
    );

    if (await vacuumIfAutovacuumOff(db)) {
      note('autovacuum is off on this PostgreSQL: the bench vacuumed the tables the service writes before the run');
    }
    const knownPlates = await samplePlates(db, 2000, benchKey.companyId);
    const unknownPlates = await absentPlates(db, unknownPlateCandidates(300, 5));
    const ctx: BenchContext = {
      options,
      repoRoot,
      runId,
      db,
      service: null,
      benchKey,
      knownPlates,
      unknownPlates,
      log,
      note,
      warmupSec: Math.min(3, Math.max(1, options.durationSec / 5)),
    };

    // 2. The floor, alone.
    const floorWanted = has('floor') && (has('lookup') || has('submit') || has('submit-alone'));
    if (floorWanted) {
      const floor = await runFloor(ctx, declarationsAtStart, join(logDir, 'floor.log'), {
        lookup: has('lookup'),
        submit: has('submit') || has('submit-alone'),
      });
      results.dataset.floorRows = floor.rows;
      results.scenarios.lookup = { service: null, floor: floor.lookup, ratio: null };
      results.scenarios.submit = { service: null, floor: floor.submit, ratio: null };
    }

    // 3. The service.
    log(`service: starting ${options.api} API + ${options.workers} worker process(es) …`);
    const serviceStarted = new Date();
    service = await startService({ ...serviceOptions, cpuProf: options.cpuProf });
    ctx.service = service;
    results.settings = settingsShown(service.env);
    const sampler = new MemorySampler(
      [...service.apis, ...service.workers].map((p) => ({ name: p.name, pid: p.pid })),
      1000,
    ).start();
    const targets = service.apiUrls;

    if (has('lookup')) {
      sampler.mark('1 lookup');
      const r = await lookupClosed(ctx, targets);
      const floor = results.scenarios.lookup?.floor ?? null;
      results.scenarios.lookup = { service: r, floor, ratio: ratio(r.rps, floor?.rps) };
    }
    // Scenario 2 and its twin with the worker paused: after the closed loop, the wait until the worker has
    // screened everything it sent.
    const screenedAfter = async (label: string, since: Date, r: LoadResult) => {
      const drain = await waitForScreening(ctx.db, benchKey.companyId, since, 600_000);
      log(`  screening drained ${drain.screened} declarations ${drain.seconds.toFixed(1)} s after the load`);
      if (!drain.drained) note(`${label}: ${drain.pending} declarations still waiting for screening after 10 min`);
      return { service: r, ratio: ratio(r.rps, results.scenarios.submit?.floor?.rps), drain };
    };
    if (has('submit')) {
      const since = new Date();
      sampler.mark('2 submission');
      const r = await submitClosed(ctx, targets);
      const floor = results.scenarios.submit?.floor ?? null;
      results.scenarios.submit = { ...(await screenedAfter('submission', since, r)), floor };
    }
    if (has('submit-alone')) {
      // The worker stands still meanwhile, as if workers ran on other machines: what the API path alone costs.
      const since = new Date();
      sampler.mark('2 submission, worker paused');
      const seconds = Math.min(options.durationSec, PAUSED_WORKER_MAX_SEC);
      if (seconds < options.durationSec)
        note(`submission with the worker paused: ${seconds} s, not ${options.durationSec}`);
      const r = await whileWorkersPaused(service, () =>
        submitClosed(ctx, targets, 'API alone, worker paused', seconds),
      );
      results.scenarios.submitAlone = await screenedAfter('submission with the worker paused', since, r);
    }
    if (has('board')) {
      sampler.mark('6 board');
      results.scenarios.board = { service: await boardClosed(ctx, targets) };
    }
    if (has('listing')) {
      sampler.mark('4 listing');
      results.scenarios.listing = await listingClosed(ctx, keys);
    }
    if (has('open-lookup')) {
      sampler.mark('3 lookup open');
      results.scenarios.openLookup = { service: await lookupOpen(ctx) };
    }
    if (has('open-submit')) {
      sampler.mark('3 submission open');
      results.scenarios.openSubmit = await submitOpen(ctx);
    }
    if (has('accepted')) {
      sampler.mark('3 submit→accepted');
      results.scenarios.accepted = await acceptedLatency(ctx);
    }
    if (has('officers')) {
      sampler.mark('5 officers');
      results.scenarios.officers = await officersScenario(ctx);
    }

    if (has('soak')) {
      sampler.mark('soak');
      results.scenarios.soak = await soak(ctx, {
        lookupRps: results.scenarios.lookup?.service?.rps ?? null,
        submitRps: results.scenarios.submit?.service?.rps ?? null,
      });
    }

    sampler.mark(undefined);
    // Exactly once: every submission of this run screened once, no step claimed twice (after the drain).
    const drained = await waitForScreening(db, benchKey.companyId, serviceStarted, 600_000);
    results.verification = await verifyExactlyOnce(db, benchKey.companyId, serviceStarted);
    const v = results.verification;
    log(
      `verification: ${v.declarations} declarations of this run, ${v.notExactlyOneOutcome} without exactly one screening outcome, ${v.stillPending} still pending${drained.drained ? '' : ' (not drained after 10 min)'}, ${v.stepsClaimedTwice} steps claimed twice → ${v.ok ? 'OK' : 'FAILED'}`,
    );

    // Peak memory before shutting down (VmHWM covers the moments between samples).
    sampler.stop();
    results.memory.peakRss = sampler.peaks();
    const apiPeaks = service.apis.map((a) => results.memory.peakRss[a.name]).filter((n) => n !== undefined);
    results.memory.apiPeakRss = apiPeaks.length ? Math.max(...apiPeaks) : null;
    results.memory.apiPeakRssByScenario = sampler.maxByLabel(service.apis.map((a) => a.name));

    log('service: stopping (SIGTERM, waiting for graceful shutdown) …');
    const stopped = service;
    service = null;
    await stopService(stopped);
    if (options.cpuProf) {
      results.profiles = readdirSync(profileDir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(profileDir, f))
        .filter((f) => statSync(f).mtimeMs >= started.getTime());
      if (results.profiles.length === 0) note('--cpu-prof: the API wrote no profile (did it exit gracefully?)');
    }
  } finally {
    if (service) await stopService(service).catch(() => undefined);
    if (db) {
      await revokeKeys(db, keys).catch(() => undefined);
      await db.end();
    }
    await killAll();
  }

  results.table = tableRows(results);
  results.targets = evaluateTargets(results);
  results.summary = summarizeResults(results);
  out(scenarioTable(results.table));
  out('');
  const byScenario = Object.entries(results.memory.apiPeakRssByScenario ?? {})
    .map(([label, bytes]) => `${label} ${fmtBytes(bytes)}`)
    .join(', ');
  out(
    `API peak RSS under load: ${fmtBytes(results.memory.apiPeakRss)}${byScenario ? ` (highest sample per scenario: ${byScenario})` : ''}`,
  );
  out('');
  if (results.scenarios.soak) {
    out(`soak memory over time (RSS, every minute of ${results.scenarios.soak.minutes}):`);
    for (const line of memoryOverTime(results.scenarios.soak)) out(line);
    out('');
  }
  out(targetLines(results.targets));
  out('');
  for (const f of results.profiles ?? [])
    out(`CPU profile: ${f} (open in Chrome DevTools › Performance, or speedscope)`);
  if (results.profiles?.length) out('');
  out('notes:');
  out(
    `  - the service ran with NODE_ENV=production, LOG_LEVEL=${options.logLevel} (one JSON line per request, written to a file), rate limits on at ${BENCH_RATE_LIMIT_PER_MIN.toLocaleString('en-US')}/min, QUEUE_PREFIX=${benchQueuePrefix(options.databaseUrl)}`,
  );
  out(
    '  - closed loop: each connection sends its next request when the last one answered (autocannon, in a child process)',
  );
  out(
    '  - open loop: request i is due at t0 + i/rate and its latency runs from that due time, so stalls count (node:http keep-alive, in a child process)',
  );
  for (const n of notes) out(`  - ${n}`);

  const json = JSON.stringify(results, null, 2);
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${stamp}.json`);
  writeFileSync(file, json);
  out('');
  out(`results: ${file}`);
  if (options.jsonFile) {
    writeFileSync(resolve(process.cwd(), options.jsonFile), json);
    out(`results: ${resolve(process.cwd(), options.jsonFile)}`);
  }
}

/** Settings the service ran with, as the report shows them (no secrets, no URLs with passwords). */
function settingsShown(env: Record<string, string>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (k === 'PATH' || k === 'HOME') continue;
    shown[k] = k.includes('SECRET') ? '<random per run>' : k.endsWith('_URL') ? v.replace(/\/\/[^@/]*@/, '//…@') : v;
  }
  return shown;
}

/** Before the seed-load tool existed: fill the migrated database through the API with bench submissions. */
async function apiFill(
  db: Pool,
  declarations: number,
  key: CompanyKey,
  serviceOptions: Parameters<typeof startService>[0],
  runId: string,
  say: (line: string) => void,
) {
  say(`api fill: submitting ${declarations.toLocaleString('en-US')} declarations through the API …`);
  const started = Date.now();
  const service = await startService(serviceOptions);
  try {
    let round = 0;
    while ((await countDeclarations(serviceOptions.databaseUrl)) < declarations) {
      const plateCount = platesFor({ options: { durationSec: 10 } } as BenchContext, 10);
      await runLoad({
        mode: 'closed',
        targets: service.apiUrls,
        connections: 32,
        durationSec: 10,
        timeoutSec: 10,
        workload: {
          kind: 'submit',
          path: '/api/v1/declarations',
          apiKey: key.apiKey,
          plateStart: await reservePlates(db, plateCount),
          plateCount,
          keyPrefix: `bench-${runId}-fill-${round++}`,
        },
      });
      say(`  … ${(await countDeclarations(serviceOptions.databaseUrl)).toLocaleString('en-US')}`);
    }
    await waitForScreening(db, key.companyId, new Date(0), 1_800_000);
  } finally {
    await stopService(service);
  }
  return recordApiFill(serviceOptions.databaseUrl, declarations, (Date.now() - started) / 1000);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping ${runningNames().join(', ') || 'nothing'} …`);
    void killAll().finally(() => process.exit(130));
  });
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  async (error: unknown) => {
    if (stopping) return; // the signal handler reports and exits
    if (error instanceof UsageError) {
      log(`${error.message}\n\n${USAGE}`);
      await killAll();
      process.exit(2);
    }
    log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await killAll();
    process.exit(1);
  },
);
