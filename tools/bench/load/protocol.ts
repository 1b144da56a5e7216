import type { CpuUse } from '../cpu.js';
import type { LatencySummary } from '../stats.js';

/** What a load child is asked to send. Plain JSON: it crosses the IPC channel. */
export type Workload = LookupWorkload | SubmitWorkload | GetWorkload | ListingWorkload | OfficersWorkload;

export interface LookupWorkload {
  kind: 'lookup';
  /** URL path around the spelled plate: `/api/v1/vehicles/` + plate + `/status`, or the floor's `/status/` + plate. */
  pathPrefix: string;
  pathSuffix: string;
  /** Canonical plates that exist; each is sent in all its spellings (plates.ts), URL-encoded. */
  known: string[];
  /** Plates that exist nowhere: every 10th request, answered 404 (expected, not an error). */
  unknown: string[];
}

export interface SubmitWorkload {
  kind: 'submit';
  path: string;
  /** Company API key (service); null for the floor. */
  apiKey: string | null;
  /** Request i declares benchPlate(plateStart + i) while i < plateCount. */
  plateStart: number;
  plateCount: number;
  /** Idempotency-Key of request i: `${keyPrefix}-${i}`. */
  keyPrefix: string;
  /** Gate of every declaration, or both alternately. */
  gate?: 'HUU_NGHI' | 'TAN_THANH';
  /** Send the result's declaration ids back (open loop only). */
  collectIds?: boolean;
}

export interface GetWorkload {
  kind: 'get';
  paths: string[];
  headers?: Record<string, string>;
}

export interface ListingWorkload {
  kind: 'listing';
  apiKey: string;
  /** Each loop follows one query's nextCursor chain, then starts the next query. */
  queries: string[];
  limit: number;
}

export interface OfficerLoop {
  token: string;
  agency: string;
  username: string;
}

export interface OfficersWorkload {
  kind: 'officers';
  gate: string;
  loops: OfficerLoop[];
  /** Steps of each agency to decide; a loop stops when its agency's are all decided (or time is up). */
  stepsPerAgency: Record<string, number>;
  /** Pause after an empty claim (204) before asking again. */
  idleMs: number;
}

export interface LoadSpec {
  /** closed: `connections` loops each send the next request when the last answered; open: a steady rate. */
  mode: 'closed' | 'open';
  /** Base URLs (`http://127.0.0.1:PORT`); connections are split across them. */
  targets: string[];
  connections: number;
  durationSec: number;
  /** Requests per second (open loop). */
  rate?: number;
  timeoutSec: number;
  workload: Workload;
}

export interface LoadResult {
  mode: 'closed' | 'open';
  workload: Workload['kind'];
  generator: 'autocannon' | 'node:http';
  connections: number;
  elapsedSec: number;
  /** Requests answered (any status). */
  completed: number;
  rps: number;
  latency: LatencySummary;
  /** 2xx answers. */
  ok: number;
  /** Non-2xx answers the workload expects (404 for unknown plates). */
  expected: number;
  /** Non-2xx answers that are errors. */
  non2xx: number;
  /** Connection errors and timeouts (no answer). */
  socketErrors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
  /** Open loop: requests scheduled, the offered rate, and how late the generator sent them (its own lag). */
  planned?: number;
  offeredRate?: number;
  sendLag?: LatencySummary;
  /** Submissions: declaration ids answered (collectIds). */
  ids?: string[];
  /** A few error answers, for the report. */
  sampleErrors: string[];
  /** Officers: claim and decision latencies, steps seen. */
  officers?: OfficersOutcome;
  /** Listing: pages answered, the deepest page reached, chains started, latency of pages at depth ≥ 20. */
  listing?: { pages: number; deepestPage: number; chains: number; deep: LatencySummary | null };
  /** Submissions: more requests than reserved plates (plates were reused). */
  platesWrapped?: boolean;
  /** Closed loops against the service and the floor: CPU time of every process while it ran (added by the parent). */
  cpu?: CpuUse;
}

export interface OfficersOutcome {
  claim: LatencySummary;
  decide: LatencySummary;
  emptyClaims: number;
  decisions: number;
  decisionsPerSec: number;
  /** Step ids the loops were handed by more than one claim answer (must be empty). */
  claimedTwiceByClient: string[];
  decisionErrors: number;
  perAgency: Record<string, number>;
}

export type ChildMessage = { type: 'result'; result: LoadResult } | { type: 'error'; message: string };
