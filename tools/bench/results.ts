import type { BenchOptions } from './args.js';
import type { DrainResult } from './drain.js';
import type { LoadResult } from './load/protocol.js';
import { cpuPerRequest } from './cpu.js';
import type { MachineInfo } from './machine.js';
import { atLeast, below, fmtBytes, fmtMs, fmtRatio, ratio, type TableRow, type TargetResult } from './report.js';
import type { LatencySummary } from './stats.js';

/** How long the worker took to screen what a submission scenario sent (DrainResult without `pending`). */
export type Drain = Pick<DrainResult, 'seconds' | 'drained' | 'screened'>;

/** Everything a run measured; written as JSON (stable keys, so two runs compare field by field). */
export interface BenchResults {
  schema: 1;
  machine: MachineInfo | null;
  options: BenchOptions;
  settings: Record<string, string>;
  dataset: {
    seeded: number | null;
    method: string | null;
    reused: boolean;
    declarationsAtStart: number;
    seedSeconds: number | null;
    floorRows: number | null;
  };
  scenarios: {
    lookup?: { service: LoadResult | null; floor: LoadResult | null; ratio: number | null };
    submit?: {
      service: LoadResult | null;
      floor: LoadResult | null;
      ratio: number | null;
      drain?: Drain;
    };
    /** Submissions with the worker paused (standing in for workers on other machines): the API path alone. */
    submitAlone?: {
      service: LoadResult;
      ratio: number | null;
      drain?: Drain;
    };
    board?: { service: LoadResult };
    listing?: ListingResult;
    openLookup?: { service: LoadResult };
    openSubmit?: { service: LoadResult; drain?: Drain };
    accepted?: AcceptedResult;
    officers?: OfficersResult;
    soak?: SoakResult;
  };
  memory: {
    /** Peak resident memory per process (bytes), VmHWM or the highest sample. */
    peakRss: Record<string, number>;
    apiPeakRss: number | null;
    /** Highest 1-s sample of the API processes during each scenario. */
    apiPeakRssByScenario?: Record<string, number>;
  };
  verification: VerificationResult | null;
  /** --cpu-prof: the API processes' profiles. */
  profiles?: string[];
  notes: string[];
  targets: TargetResult[];
  table: TableRow[];
  /** The headline numbers under flat, stable keys: diff two runs' JSON on this (e.g. 10k vs 1M). */
  summary: Record<string, number | null>;
}

export interface ListingResult {
  service: LoadResult;
  company: { declarations: number };
  pages: number;
  deepestPage: number;
  /** Latency of pages at depth ≥ 20 (the deep part). */
  deep: LatencySummary | null;
}

export interface AcceptedResult {
  submit: LoadResult;
  declarations: number;
  accepted: number;
  rejected: number;
  /** created_at → `accepted` audit record, in ms. */
  latency: LatencySummary;
  drainSeconds: number;
}

export interface OfficersResult {
  load: LoadResult;
  officers: number;
  trucks: number;
  steps: number;
  prepSeconds: number;
  claim: LatencySummary;
  decide: LatencySummary;
  decisions: number;
  decisionsPerSec: number;
  claimedTwice: number;
  decidedTwice: number;
  clientSawDuplicateClaim: number;
  verified: boolean;
}

export interface SoakResult {
  minutes: number;
  lookup: LoadResult;
  submit: LoadResult;
  samples: { t: number; rss: Record<string, number> }[];
  growth: Record<string, { second: number; last: number; ratio: number } | null>;
  grew: boolean;
  /** The service could not keep up (errors or seconds of latency): queued requests, not leaks, fill memory. */
  overloaded: boolean;
  rates: { lookup: number; submit: number };
}

export interface VerificationResult {
  declarations: number;
  /** Declarations without exactly one screening outcome in the audit log. */
  notExactlyOneOutcome: number;
  stillPending: number;
  stepsClaimedTwice: number;
  ok: boolean;
}

const load = (r: LoadResult, connectionsOrRate: string): string => `${r.mode} ${connectionsOrRate}`;

function row(scenario: string, system: TableRow['system'], r: LoadResult, vsFloor: number | null, note = ''): TableRow {
  const loadText = r.mode === 'open' ? load(r, `${r.offeredRate}/s`) : load(r, `${r.connections}c`);
  return {
    scenario,
    system,
    load: loadText,
    rps: r.rps,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    socketErrors: r.socketErrors,
    vsFloor,
    note,
  };
}

/** The one table: one row per scenario and system. */
export function tableRows(r: BenchResults): TableRow[] {
  const rows: TableRow[] = [];
  const s = r.scenarios;
  if (s.lookup) {
    const expected = (x: LoadResult | null): string => (x ? `${x.expected} expected 404` : '');
    if (s.lookup.service)
      rows.push(row('1 lookup', 'service', s.lookup.service, s.lookup.ratio, expected(s.lookup.service)));
    if (s.lookup.floor) rows.push(row('1 lookup', 'floor', s.lookup.floor, null, expected(s.lookup.floor)));
  }
  if (s.submit) {
    const drain = s.submit.drain ? `screened in ${s.submit.drain.seconds.toFixed(0)} s after` : '';
    if (s.submit.service) rows.push(row('2 submission', 'service', s.submit.service, s.submit.ratio, drain));
    if (s.submit.floor) rows.push(row('2 submission', 'floor', s.submit.floor, null));
  }
  if (s.submitAlone) {
    rows.push(row('2 submission', 'API alone', s.submitAlone.service, s.submitAlone.ratio, 'worker paused'));
  }
  if (s.openLookup) rows.push(row('3 lookup', 'service', s.openLookup.service, null, lagNote(s.openLookup.service)));
  if (s.openSubmit)
    rows.push(row('3 submission', 'service', s.openSubmit.service, null, lagNote(s.openSubmit.service)));
  if (s.accepted) {
    rows.push(
      row(
        '3 submit→accepted',
        'service',
        s.accepted.submit,
        null,
        `accepted after p50 ${fmtMs(s.accepted.latency.p50)} / p95 ${fmtMs(s.accepted.latency.p95)} ms (${s.accepted.accepted} accepted)`,
      ),
    );
  }
  if (s.listing) {
    rows.push(
      row(
        '4 listing',
        'service',
        s.listing.service,
        null,
        `${s.listing.pages} pages, deepest ${s.listing.deepestPage}; deep p99 ${fmtMs(s.listing.deep?.p99)} ms`,
      ),
    );
  }
  if (s.officers) {
    const o = s.officers;
    rows.push({
      ...row('5 officers claim', 'service', o.load, null),
      rps: null,
      p50: o.claim.p50,
      p99: o.claim.p99,
      note: `${o.officers} officers, ${o.trucks} trucks`,
    });
    rows.push({
      ...row('5 officers decide', 'service', o.load, null),
      rps: o.decisionsPerSec,
      p50: o.decide.p50,
      p99: o.decide.p99,
      note: `decisions/s; ${o.verified ? 'audit log: no step claimed or decided twice' : 'AUDIT LOG: DUPLICATES'}`,
    });
  }
  if (s.board) rows.push(row('6 board', 'service', s.board.service, null));
  if (s.soak) {
    rows.push(row('soak lookup', 'service', s.soak.lookup, null));
    const verdict = s.soak.overloaded ? 'overloaded: inconclusive' : s.soak.grew ? 'memory grew' : 'no memory growth';
    rows.push(row('soak submission', 'service', s.soak.submit, null, verdict));
  }
  return rows;
}

function lagNote(r: LoadResult): string {
  return r.sendLag ? `generator lag p99 ${fmtMs(r.sendLag.p99)} ms` : '';
}

/** The targets, PASS/MISS (or not measured in this run). */
export function evaluateTargets(r: BenchResults): TargetResult[] {
  const s = r.scenarios;
  const c = r.options.connections;
  const lookupRatio = s.lookup?.ratio ?? null;
  const submitRatio = s.submit?.ratio ?? null;
  const openLookupP99 = s.openLookup?.service.latency.p99 ?? null;
  const openSubmitP99 = s.openSubmit?.service.latency.p99 ?? null;
  const acceptedP95 = s.accepted?.latency.p95 ?? null;
  const officersP99 = s.officers ? Math.max(s.officers.claim.p99, s.officers.decide.p99) : null;
  const targets: TargetResult[] = [
    atLeast(`lookup ≥ 1.0× floor at ${c} connections (aim 1.5×)`, lookupRatio, 1.0, fmtRatio(lookupRatio)),
    below('lookup p99 < 50 ms at a steady 1,000/s (open loop)', openLookupP99, 50, `${fmtMs(openLookupP99)} ms`),
    atLeast(`submission ≥ 0.5× floor at ${c} connections`, submitRatio, 0.5, fmtRatio(submitRatio)),
    below('submission p99 < 100 ms at a steady 200/s (open loop)', openSubmitP99, 100, `${fmtMs(openSubmitP99)} ms`),
    below('submission→accepted p95 < 2 s at 50/s sustained', acceptedP95, 2000, `${fmtMs(acceptedP95)} ms`),
  ];
  if (s.officers) {
    const o = s.officers;
    targets.push({
      target: 'officers p99 < 50 ms (claim and decide), no step claimed twice',
      measured: `claim ${fmtMs(o.claim.p99)} ms, decide ${fmtMs(o.decide.p99)} ms; claimed twice ${o.claimedTwice}, decided twice ${o.decidedTwice}`,
      pass: (officersP99 ?? Infinity) < 50 && o.verified,
    });
  } else {
    targets.push(below('officers p99 < 50 ms (claim and decide), no step claimed twice', null, 50, ''));
  }
  const rss = r.memory.apiPeakRss;
  targets.push(below('API RSS < 300 MB under load', rss, 300 * 1024 * 1024, fmtBytes(rss)));
  if (s.soak) {
    const shown = Object.entries(s.soak.growth)
      .map(([name, g]) =>
        g ? `${name} ${fmtBytes(g.second)} → ${fmtBytes(g.last)} (${fmtRatio(g.ratio)})` : `${name} —`,
      )
      .join('; ');
    targets.push({
      target: 'soak: no memory growth (last third vs second third)',
      measured: shown,
      pass: !s.soak.grew,
    });
  } else {
    targets.push({
      target: 'soak: no memory growth (last third vs second third)',
      measured: 'not measured (--soak)',
      pass: null,
    });
  }
  if (r.verification) {
    const v = r.verification;
    const processes = `${r.options.api} API + ${r.options.workers} worker process(es)`;
    targets.push({
      target: `${processes}: each declaration screened exactly once, no step claimed twice`,
      measured: `${v.declarations} declarations, ${v.notExactlyOneOutcome} without exactly one outcome, ${v.stillPending} pending, ${v.stepsClaimedTwice} steps claimed twice`,
      pass: v.ok,
    });
  }
  return targets;
}

/** Headline numbers under flat keys (milliseconds, requests/s, bytes, ratios). */
export function summarize(r: BenchResults): Record<string, number | null> {
  const s = r.scenarios;
  const out: Record<string, number | null> = { declarations: r.dataset.declarationsAtStart };
  const put = (prefix: string, x: LoadResult | null | undefined): void => {
    out[`${prefix}.rps`] = x ? round(x.rps) : null;
    out[`${prefix}.p50Ms`] = x ? round(x.latency.p50) : null;
    out[`${prefix}.p99Ms`] = x ? round(x.latency.p99) : null;
    out[`${prefix}.errors`] = x ? x.non2xx + x.socketErrors : null;
  };
  // CPU of the whole machine per answered request (ms), where the closed loops measured it: the ratio's why.
  const cpu = (prefix: string, x: LoadResult | null | undefined): void => {
    const per = x ? cpuPerRequest(x) : null;
    out[`${prefix}.cpuMsPerRequest`] = per ? round(per.total, 3) : null;
  };
  put('lookup.service', s.lookup?.service);
  put('lookup.floor', s.lookup?.floor);
  cpu('lookup.service', s.lookup?.service);
  cpu('lookup.floor', s.lookup?.floor);
  out['lookup.vsFloor'] = s.lookup?.ratio != null ? round(s.lookup.ratio, 3) : null;
  put('submit.service', s.submit?.service);
  put('submit.floor', s.submit?.floor);
  cpu('submit.service', s.submit?.service);
  cpu('submit.floor', s.submit?.floor);
  out['submit.vsFloor'] = s.submit?.ratio != null ? round(s.submit.ratio, 3) : null;
  put('submitAlone.service', s.submitAlone?.service);
  cpu('submitAlone.service', s.submitAlone?.service);
  out['submitAlone.vsFloor'] = s.submitAlone?.ratio != null ? round(s.submitAlone.ratio, 3) : null;
  put('openLookup1000', s.openLookup?.service);
  put('openSubmit200', s.openSubmit?.service);
  out['accepted50.p50Ms'] = s.accepted ? round(s.accepted.latency.p50) : null;
  out['accepted50.p95Ms'] = s.accepted ? round(s.accepted.latency.p95) : null;
  put('listing', s.listing?.service);
  out['listing.deepP99Ms'] = s.listing?.deep ? round(s.listing.deep.p99) : null;
  out['officers.claimP99Ms'] = s.officers ? round(s.officers.claim.p99) : null;
  out['officers.decideP99Ms'] = s.officers ? round(s.officers.decide.p99) : null;
  out['officers.decisionsPerSec'] = s.officers ? round(s.officers.decisionsPerSec) : null;
  put('board', s.board?.service);
  out['memory.apiPeakRssBytes'] = r.memory.apiPeakRss;
  return out;
}

function round(n: number, digits = 1): number | null {
  if (!Number.isFinite(n)) return null;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export { ratio };
