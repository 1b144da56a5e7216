import { summarize } from '../stats.js';
import { agents, send } from './http-client.js';
import type { LoadResult, ListingWorkload, LoadSpec } from './protocol.js';
import { Tally } from './tally.js';

/** Pages from this depth on count as "deep". */
export const DEEP_PAGE = 20;

/**
 * Closed loop over the company listing: each connection takes a filtered query and follows its nextCursor
 * page after page (newest first, deeper and deeper into the company's history); at the end of a chain it
 * starts the next query. Every request's latency counts, and those of deep pages are reported apart.
 */
export async function runListing(spec: LoadSpec): Promise<LoadResult> {
  const w = spec.workload as ListingWorkload;
  const targets = spec.targets.map((t) => new URL(t));
  const pool = agents(spec.targets, Math.ceil(spec.connections / targets.length) + 1);
  const headers = { authorization: `Bearer ${w.apiKey}` };
  const tally = new Tally();
  const deep: number[] = [];
  let socketErrors = 0;
  let timeouts = 0;
  let pages = 0;
  let deepestPage = 0;
  let chains = 0;
  const started = performance.now();
  const endAt = started + spec.durationSec * 1000;

  const loop = async (n: number): Promise<void> => {
    const t = n % targets.length;
    let query = n;
    while (performance.now() < endAt) {
      const base = `/api/v1/declarations?limit=${w.limit}${w.queries[query % w.queries.length] ? `&${w.queries[query % w.queries.length]}` : ''}`;
      let cursor: string | null = null;
      let depth = 0;
      chains++;
      while (performance.now() < endAt) {
        const path: string = cursor ? `${base}&cursor=${encodeURIComponent(cursor)}` : base;
        const sentAt = performance.now();
        let answer;
        try {
          answer = await send(pool[t], targets[t], 'GET', path, headers, undefined, spec.timeoutSec * 1000, true);
        } catch (error) {
          socketErrors++;
          if ((error as Error).message === 'timeout') timeouts++;
          break;
        }
        const ms = performance.now() - sentAt;
        tally.latency(ms);
        depth++;
        if (tally.answer(answer.status, false, answer.body) !== 'ok') break;
        pages++;
        deepestPage = Math.max(deepestPage, depth);
        if (depth >= DEEP_PAGE) deep.push(ms);
        cursor = (JSON.parse(answer.body) as { nextCursor?: string | null }).nextCursor ?? null;
        if (!cursor) break;
      }
      query += spec.connections;
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, (_, n) => loop(n)));
  const elapsedSec = (performance.now() - started) / 1000;
  for (const a of pool) a.destroy();
  return {
    mode: 'closed',
    workload: 'listing',
    generator: 'node:http',
    connections: spec.connections,
    ...tally.counts(elapsedSec),
    socketErrors,
    timeouts,
    listing: { pages, deepestPage, chains, deep: deep.length ? summarize(deep) : null },
  };
}
