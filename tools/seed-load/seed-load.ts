import { setImmediate as nextTick } from 'node:timers/promises';
import pg from 'pg';
import { AuditChain } from './audit-chain.js';
import { DAY_MS, historyDays, localDayStart } from './calendar.js';
import { BinaryCopyWriter } from './binary-copy.js';
import { auditRow, COLUMNS, companyLine, declarationRow, officerLine, stepRow } from './copy-rows.js';
import {
  assertNoDeclarations,
  copyBinary,
  copyLines,
  dropDatabase,
  ensurePartitions,
  holdChainHead,
  lockBulkTables,
  migrate,
  readFees,
  readGates,
  saveChainHead,
  saveCounters,
  saveGateLoad,
  retryOnDeadlock,
  setAsideForBulkLoad,
  suspendChainTrigger,
} from './database.js';
import { type HistoryBatch, HistoryGenerator } from './history.js';
import { Progress, type ProgressOutput } from './progress.js';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/border_gate';

export interface SeedLoadOptions {
  declarations: number;
  databaseUrl: string;
  /** History span in months, ending now. */
  months: number;
  /** PRNG seed: the same seed (and `now`) gives the same history. */
  seed: number;
  /** Drop and recreate the database first (only a database named like bench/seed/test/load, or with yesReally). */
  fresh?: boolean;
  yesReally?: boolean;
  /** No progress output. */
  quiet?: boolean;
  /** Where the history ends; defaults to the moment the load starts. */
  now?: Date;
  /** Progress goes here (default: stderr). */
  progress?: ProgressOutput;
}

export interface SeedSummary {
  declarations: number;
  events: number;
  steps: number;
  companies: number;
  plates: number;
  officers: number;
  /** The company with the most trips (the deepest history to page through). */
  biggestCompanyId: string;
  seconds: number;
}

/** Every table the load writes to (the audit log's partitions are analyzed through their parent). */
const LOADED_TABLES = [
  'company',
  'officer',
  'declaration',
  'clearance_step',
  'declaration_event',
  'reference_counter',
  'gate_day_load',
  'audit_chain_head',
  'event_cursor',
];

// Flush to PostgreSQL about every this many declarations: big enough that COPY overhead vanishes, small enough to stream.
const FLUSH_EVERY = 10_000;

/**
 * Fills a database with a realistic history of both gates (see docs/seed-load.md) in one transaction: binary
 * COPY in bulk, the audit hash chain computed here, keys, indexes and foreign keys rebuilt at the end, then
 * ANALYZE.
 */
export async function seedLoad(options: SeedLoadOptions): Promise<SeedSummary> {
  if (!Number.isInteger(options.declarations) || options.declarations < 1) {
    throw new RangeError(`declarations must be a positive integer, got ${options.declarations}`);
  }
  const started = performance.now();
  const now = (options.now ?? new Date()).getTime();
  if (options.fresh) await dropDatabase(options.databaseUrl, options.yesReally ?? false);
  await migrate(options.databaseUrl);
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'border-gate-seed-load' });
  await client.connect();
  try {
    await assertNoDeclarations(client); // at once, before waiting for any lock; again below, under the locks
    const history = new HistoryGenerator({
      declarations: options.declarations,
      months: options.months,
      seed: options.seed,
      now,
      gates: await readGates(client),
      feeFor: await readFees(client),
    });
    const progress = new Progress(options.declarations, options.quiet ? null : (options.progress ?? process.stderr));
    const firstDay = historyDays(now, options.months)[0];
    await client.query('BEGIN');
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    // Lock order beside a running service (docs/seed-load.md): the chain head and cursor rows, then the tables.
    const head = await holdChainHead(client);
    const putBack = await retryOnDeadlock(client, async () => {
      await lockBulkTables(client);
      await assertNoDeclarations(client);
      await ensurePartitions(client, firstDay, now);
      return [...(await setAsideForBulkLoad(client)), ...(await suspendChainTrigger(client))];
    });
    const counts = await load(client, history, { firstDay, head, putBack }, progress, started);
    await client.query('COMMIT');
    progress.note(`committed at ${secondsSince(started)}s; analyzing…`);
    // Only what the load wrote: a database-wide ANALYZE would also walk the system catalogs.
    await client.query(`ANALYZE ${LOADED_TABLES.join(', ')}`);
    const seconds = secondsSince(started);
    progress.note(`loaded ${options.declarations.toLocaleString('en-US')} declarations in ${seconds}s`);
    return {
      declarations: options.declarations,
      ...counts,
      companies: history.companies.length,
      plates: history.usedPlates.size,
      officers: history.officers.length,
      biggestCompanyId: history.companies[0].id,
      seconds,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Everything inside the loading transaction; returns how many events and steps went in. */
async function load(
  client: pg.Client,
  history: HistoryGenerator,
  { firstDay, head, putBack }: { firstDay: string; head: { seq: number; hash: Buffer }; putBack: string[] },
  progress: Progress,
  started: number,
) {
  const chain = new AuditChain(head.seq, head.hash);
  // Companies and officers were registered before the first trip.
  const registered = localDayStart(firstDay) - 30 * DAY_MS;
  await copyLines(
    client,
    'company',
    COLUMNS.company,
    history.companies.map((c) => companyLine(c, registered)),
  );
  await copyLines(
    client,
    'officer',
    COLUMNS.officer,
    history.officers.map((o) => officerLine(o, registered)),
  );

  const buffer = new CopyBuffer();
  let written = 0;
  let steps = 0;
  let pending: Promise<void> = Promise.resolve();
  for (const batch of history.batches()) {
    steps += buffer.add(batch, chain);
    if (buffer.declarations.rows >= FLUSH_EVERY) {
      await pending;
      const flushed = buffer.take();
      pending = flush(client, flushed).then(() => progress.update((written += flushed.declarations.rows)));
      // Awaited at the next flush; until then a failure must not count as unhandled (that would end the process).
      pending.catch(() => undefined);
    }
    // Lets the socket drain the COPY already handed over while the next day is generated.
    await nextTick();
  }
  await pending;
  const last = buffer.take();
  await flush(client, last);
  progress.update((written += last.declarations.rows));

  progress.note(`rows in at ${secondsSince(started)}s; building indexes, checking foreign keys…`);
  await saveCounters(client, history.counters);
  await saveGateLoad(client, history.load);
  await saveChainHead(client, chain.seq, chain.hash);
  for (const statement of putBack) await client.query(statement);
  return { events: chain.seq - head.seq, steps };
}

/** Rows encoded for COPY and waiting to be sent, table by table. */
class CopyBuffer {
  declarations = new BinaryCopyWriter();
  steps = new BinaryCopyWriter();
  audit = new BinaryCopyWriter();

  /** Encodes a batch (chaining its audit records); returns the number of steps it held. */
  add(batch: HistoryBatch, chain: AuditChain): number {
    let steps = 0;
    for (const d of batch.declarations) {
      declarationRow(this.declarations, d);
      for (const s of d.state.steps) stepRow(this.steps, d.id, d.gate, s);
      steps += d.state.steps.length;
    }
    for (const r of batch.audit) auditRow(this.audit, chain, r);
    return steps;
  }

  /** The encoded rows so far (the buffer starts empty again). */
  take(): EncodedRows {
    const taken = { declarations: this.declarations, steps: this.steps, audit: this.audit };
    [this.declarations, this.steps, this.audit] = [
      new BinaryCopyWriter(),
      new BinaryCopyWriter(),
      new BinaryCopyWriter(),
    ];
    return taken;
  }
}

type EncodedRows = Record<'declarations' | 'steps' | 'audit', BinaryCopyWriter>;

/** Declarations first: steps and audit records refer to them. */
async function flush(client: pg.Client, rows: EncodedRows): Promise<void> {
  await copyBinary(client, 'declaration', COLUMNS.declaration, rows.declarations.finish());
  await copyBinary(client, 'clearance_step', COLUMNS.clearance_step, rows.steps.finish());
  await copyBinary(client, 'declaration_event', COLUMNS.declaration_event, rows.audit.finish());
}

function secondsSince(start: number): number {
  return Math.round((performance.now() - start) / 100) / 10;
}
