import type { BenchContext } from '../context.js';
import { oneLine } from '../context.js';
import { one } from '../db.js';
import { biggestCompany, type CompanyKey } from '../fixtures.js';
import { runLoad } from '../load/run.js';
import type { ListingResult } from '../results.js';

/** The filters the listing scenario pages through (status, gate, direction, submission-date range). */
export function listingQueries(from: Date, to: Date): string[] {
  const range = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  return [
    '',
    'status=exited',
    'gate=HUU_NGHI',
    'status=exited&gate=TAN_THANH',
    range,
    `gate=HUU_NGHI&direction=export&${range}`,
    'status=rejected',
    `direction=import&status=exited&${range}`,
  ];
}

/**
 * Scenario 4: the biggest seeded company lists its declarations with filters and follows nextCursor deep
 * into its history, on `connections` loops at once.
 */
export async function listingClosed(ctx: BenchContext, keys: CompanyKey[]): Promise<ListingResult> {
  const company = await biggestCompany(ctx.db);
  let key: CompanyKey = ctx.benchKey;
  let declarations: number;
  if (company) {
    keys.push(company);
    key = company;
    declarations = company.declarations;
    ctx.log(`  listing as "${company.name}" (${company.declarations.toLocaleString('en-US')} declarations)`);
  } else {
    declarations = Number(
      (await one<{ n: string }>(ctx.db, 'SELECT count(*) AS n FROM declaration WHERE company_id = $1', [
        key.companyId,
      ]))!.n,
    );
    ctx.note('listing: no seeded company; listed the bench company instead');
  }
  const span = (await one<{ min: Date; max: Date }>(
    ctx.db,
    'SELECT min(created_at) AS min, max(created_at) AS max FROM declaration WHERE company_id = $1',
    [key.companyId],
  ))!;
  const length = span.max.getTime() - span.min.getTime();
  // A window in the older half of its history: deep pages of a date-filtered query.
  const from = new Date(span.min.getTime() + length * 0.1);
  const to = new Date(span.min.getTime() + length * 0.6);
  const service = await runLoad({
    mode: 'closed',
    targets: ctx.service!.apiUrls,
    connections: ctx.options.connections,
    durationSec: ctx.options.durationSec,
    timeoutSec: 10,
    workload: { kind: 'listing', apiKey: key.apiKey, queries: listingQueries(from, to), limit: 50 },
  });
  const l = service.listing!;
  ctx.log(
    `  listing: ${oneLine(service)}; ${l.pages} pages, deepest ${l.deepestPage}, deep p99 ${l.deep?.p99.toFixed(1) ?? '—'} ms`,
  );
  return { service, company: { declarations }, pages: l.pages, deepestPage: l.deepestPage, deep: l.deep };
}
