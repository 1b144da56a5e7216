import { declarationBody } from '../bodies.js';
import { benchPlate, mulberry32, spellingVariants } from '../plates.js';
import type { GetWorkload, LookupWorkload, SubmitWorkload } from './protocol.js';

export interface OutgoingRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** A 404 answer is expected (unknown plate). */
  expect404: boolean;
}

/** Produces request i of a workload, one after another. */
export type RequestSource = () => OutgoingRequest;

export function requestSource(workload: LookupWorkload | SubmitWorkload | GetWorkload): RequestSource {
  switch (workload.kind) {
    case 'lookup':
      return lookupSource(workload);
    case 'submit':
      return submitSource(workload).next;
    case 'get':
      return getSource(workload);
  }
}

/** Every spelling of every plate, URL-encoded, in a seeded shuffle. */
function spelledPaths(plates: readonly string[], prefix: string, suffix: string, seed: number): string[] {
  const paths = plates.flatMap((p) => spellingVariants(p).map((v) => `${prefix}${encodeURIComponent(v)}${suffix}`));
  const random = mulberry32(seed);
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [paths[i], paths[j]] = [paths[j], paths[i]];
  }
  return paths;
}

function lookupSource(w: LookupWorkload): RequestSource {
  const known = spelledPaths(w.known, w.pathPrefix, w.pathSuffix, 1);
  const unknown = spelledPaths(w.unknown, w.pathPrefix, w.pathSuffix, 2);
  let i = 0;
  let k = 0;
  let u = 0;
  const headers = {};
  return () => {
    // Exactly one request in ten asks for a plate that exists nowhere.
    const isUnknown = i++ % 10 === 9 && unknown.length > 0;
    const path = isUnknown ? unknown[u++ % unknown.length] : known[k++ % known.length];
    return { method: 'GET', path, headers, expect404: isUnknown };
  };
}

export function submitSource(w: SubmitWorkload): { next: RequestSource; count: () => number } {
  let i = 0;
  const base: Record<string, string> = { 'content-type': 'application/json' };
  if (w.apiKey) base.authorization = `Bearer ${w.apiKey}`;
  const now = Date.now();
  return {
    next: () => {
      const n = i++;
      const body = JSON.stringify(declarationBody(n, w.plateStart + (n % w.plateCount), now, w.gate));
      return {
        method: 'POST',
        path: w.path,
        headers: w.apiKey ? { ...base, 'idempotency-key': `${w.keyPrefix}-${n}` } : base,
        body,
        expect404: false,
      };
    },
    count: () => i,
  };
}

function getSource(w: GetWorkload): RequestSource {
  let i = 0;
  const headers = w.headers ?? {};
  return () => ({ method: 'GET', path: w.paths[i++ % w.paths.length], headers, expect404: false });
}

export { benchPlate };
