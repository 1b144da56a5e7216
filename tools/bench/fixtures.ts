import { issueApiKey } from '../../src/modules/companies/api-key.js';
import { getMeta, one, type Pool, rows, setMeta } from './db.js';

export const BENCH_COMPANY_NAME = 'BENCH load company (npm run bench)';
export const BENCH_COMPANY_TAX_CODE = '9999999990';
/** Gate capacity per day and direction in the bench database, so that capacity is not what is measured. */
export const BENCH_GATE_CAPACITY = 1_000_000;

export interface CompanyKey {
  companyId: string;
  apiKey: string;
  prefix: string;
}

/** A fresh API key for a company, made with the service's own key code; the bench's earlier keys are revoked. */
async function freshKey(db: Pool, companyId: string, metaKey: string): Promise<CompanyKey> {
  const earlier = (await getMeta<string[]>(db, metaKey)) ?? [];
  if (earlier.length) {
    await db.query(
      'UPDATE api_key SET revoked_at = now() WHERE company_id = $1 AND key_prefix = ANY($2) AND revoked_at IS NULL',
      [companyId, earlier],
    );
  }
  const key = issueApiKey();
  await db.query('INSERT INTO api_key (company_id, key_prefix, key_hash) VALUES ($1, $2, $3)', [
    companyId,
    key.prefix,
    key.hash,
  ]);
  await setMeta(db, metaKey, [key.prefix]);
  return { companyId, apiKey: key.secret, prefix: key.prefix };
}

/** The company the bench submits as (clearly named), with a fresh key. */
export async function benchCompany(db: Pool): Promise<CompanyKey> {
  const row =
    (await one<{ id: string }>(db, 'SELECT id FROM company WHERE tax_code = $1', [BENCH_COMPANY_TAX_CODE])) ??
    (await one<{ id: string }>(db, 'INSERT INTO company (name, tax_code) VALUES ($1, $2) RETURNING id', [
      BENCH_COMPANY_NAME,
      BENCH_COMPANY_TAX_CODE,
    ]));
  return freshKey(db, row!.id, 'bench_company_key_prefixes');
}

/** The seeded company with the most declarations (not the bench's own), with a fresh bench-made key. */
export async function biggestCompany(db: Pool): Promise<(CompanyKey & { declarations: number; name: string }) | null> {
  const row = await one<{ company_id: string; n: string; name: string }>(
    db,
    `SELECT d.company_id, count(*) AS n, min(c.name) AS name FROM declaration d JOIN company c ON c.id = d.company_id
      WHERE c.tax_code <> $1 GROUP BY d.company_id ORDER BY count(*) DESC LIMIT 1`,
    [BENCH_COMPANY_TAX_CODE],
  );
  if (!row) return null;
  const key = await freshKey(db, row.company_id, `biggest_company_key_prefixes:${row.company_id}`);
  return { ...key, declarations: Number(row.n), name: row.name };
}

/** Raises both gates' daily capacity (data, in the bench database only). */
export async function raiseGateCapacity(db: Pool): Promise<void> {
  await db.query('UPDATE gate SET capacity_export_per_day = $1, capacity_import_per_day = $1', [BENCH_GATE_CAPACITY]);
}

/** Revokes the keys this run made (the secrets live only in this process anyway). */
export async function revokeKeys(db: Pool, keys: readonly CompanyKey[]): Promise<void> {
  for (const k of keys) {
    await db.query('UPDATE api_key SET revoked_at = now() WHERE company_id = $1 AND key_prefix = $2', [
      k.companyId,
      k.prefix,
    ]);
  }
}

/**
 * Canonical plates sampled from the seeded declarations (VN and CN vehicles), for lookups. The bench
 * company's own declarations are left out: their plates are unique and all recent, so with every run they
 * would make up more of a plain sample and the lookup would measure the bench's data instead of the seed's.
 */
export async function samplePlates(db: Pool, count: number, excludeCompanyId: string): Promise<string[]> {
  // A 10% block sample is quick at 1M rows; a partitioned or tiny table falls back to reading every plate.
  const sampled = await rows<{ plate: string }>(
    db,
    `SELECT plate FROM (SELECT DISTINCT plate FROM declaration TABLESAMPLE SYSTEM (10) REPEATABLE (42)
                         WHERE company_id <> $2) p
      ORDER BY md5(plate) LIMIT $1`,
    [count, excludeCompanyId],
  ).catch(() => []);
  if (sampled.length >= Math.min(count, 100)) return sampled.map((r) => r.plate);
  const all = await rows<{ plate: string }>(
    db,
    'SELECT plate FROM (SELECT DISTINCT plate FROM declaration WHERE company_id <> $2) p ORDER BY md5(plate) LIMIT $1',
    [count, excludeCompanyId],
  );
  if (all.length > 0) return all.map((r) => r.plate);
  // Filled through the API by the bench itself: its plates are all there is.
  return (
    await rows<{ plate: string }>(
      db,
      'SELECT plate FROM (SELECT DISTINCT plate FROM declaration) p ORDER BY md5(plate) LIMIT $1',
      [count],
    )
  ).map((r) => r.plate);
}

/** Drops candidate plates that some declaration has (so the 404s are really unknown plates). */
export async function absentPlates(db: Pool, candidates: readonly string[]): Promise<string[]> {
  const present = new Set(
    (
      await rows<{ plate: string }>(db, 'SELECT DISTINCT plate FROM declaration WHERE plate = ANY($1)', [candidates])
    ).map((r) => r.plate),
  );
  return candidates.filter((p) => !present.has(p));
}
