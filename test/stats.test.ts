import { randomInt } from 'node:crypto';
import { ClearanceRepository } from '../src/modules/clearance/clearance.repository.js';
import { ExpiryService } from '../src/modules/clearance/expiry.service.js';
import { DeclarationsRepository } from '../src/modules/declarations/declarations.repository.js';
import { QueueRegistry } from '../src/modules/queue/queue-registry.service.js';
import { JobName, QueueName } from '../src/modules/queue/queue-names.js';
import { StatsRollupService } from '../src/modules/stats/stats-rollup.service.js';
import { WatchlistService } from '../src/modules/watchlist/watchlist.service.js';
import { settled, submit } from './support/api.js';
import { declarationBody, eventually, fruit, machines, uniqueVnPlate } from './support/factories.js';
import { officer, postAs, startWithGateCrew, type AgencyName, type TestOfficer } from './support/officers.js';
import { cli } from './support/processes.js';
import { decideHeadOfQueue, emptyQueues } from './support/queues.js';
import type { TestApp, TestCompany } from './support/test-app.js';
import { testConfig } from './support/test-env.js';

// Works at HUU_NGHI (board.test.ts works at TAN_THANH). The database may hold other files' history (`npm test`
// runs every file on one database), so what we did is checked as the difference it made to the day's numbers.
const GATE = 'HUU_NGHI';
const ZONE = 'Asia/Ho_Chi_Minh';
const AGENCIES = ['customs', 'border_guard', 'quarantine', 'yard'] as const;

const localDay = (at: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(at);
const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();

/** Linear-interpolation percentile (as PostgreSQL's percentile_cont), rounded to 0.1 minute. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = p * (sorted.length - 1);
  const low = Math.floor(at);
  const value = sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
  return Math.round(value * 10) / 10;
}

const COUNT_OF_STATUS: Record<string, string> = {
  accepted: 'accepted',
  rejected: 'rejected',
  cancelled: 'cancelled',
  expired: 'expired',
  in_yard: 'arrived',
  cleared: 'cleared',
  refused: 'refused',
  exited: 'exited',
};
const COUNT_NAMES = ['declared', ...Object.values(COUNT_OF_STATUS)];

describe('daily statistics', () => {
  let t: TestApp;
  let company: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;
  const today = localDay(new Date());
  const yesterday = localDay(new Date(Date.now() - 86_400_000));

  beforeAll(async () => ({ t, company, crew } = await startWithGateCrew(GATE)));
  afterAll(async () => {
    // Later test files on this database find this gate's queues empty.
    await emptyQueues(t, GATE, crew, 'cleared away by stats.test');
    await t.close();
  });

  const stats = (query: string, who: TestOfficer | null = crew.supervisor) =>
    t.request({ method: 'GET', url: `/api/v1/stats/daily?${query}`, headers: who ? who.headers : {} });

  async function declare(overrides: Parameters<typeof declarationBody>[0]): Promise<any> {
    const res = await submit(t, company.apiKey, declarationBody({ gate: GATE, ...overrides }));
    expect(res.statusCode).toBe(202);
    return settled(t, company.apiKey, res.json().id);
  }

  const decideNext = (agency: AgencyName, d: any, decision?: 'pass' | 'refuse') =>
    decideHeadOfQueue(t, GATE, crew, agency, d, decision);

  /** The audit log's transitions at the gate, counted per local day and direction, independently of the rollup. */
  async function auditCounts(): Promise<Map<string, Record<string, number>>> {
    const rows = await t.sql.rows<{
      day: string;
      direction: string;
      from_status: string | null;
      to_status: string;
      n: number;
    }>(
      `SELECT to_char(e.at AT TIME ZONE $2, 'YYYY-MM-DD') AS day, d.direction, e.from_status, e.to_status, count(*)::int AS n
         FROM declaration_event e JOIN declaration d ON d.id = e.declaration_id
        WHERE e.gate_code = $1 AND e.action = 'transition'
        GROUP BY 1, 2, 3, 4`,
      [GATE, ZONE],
    );
    const byDay = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const key = `${r.day}/${r.direction}`;
      const counts = byDay.get(key) ?? Object.fromEntries(COUNT_NAMES.map((name) => [name, 0]));
      const name =
        r.to_status === 'submitted' ? (r.from_status === null ? 'declared' : null) : COUNT_OF_STATUS[r.to_status];
      if (name) counts[name] += r.n;
      byDay.set(key, counts);
    }
    return byDay;
  }

  const item = (body: any, day: string, direction: string) =>
    body.items.find((i: any) => i.day === day && i.direction === direction);
  const countsOf = (i: any) => Object.fromEntries(COUNT_NAMES.map((name) => [name, i[name]]));
  const zeros = Object.fromEntries(COUNT_NAMES.map((name) => [name, 0]));

  /** Today's rolled-up row for a direction as served, or zeros when the rollup has none yet. */
  async function todayOf(direction: string): Promise<any> {
    const body = (await stats(`gate=${GATE}&from=${today}&to=${today}`)).json();
    return item(body, today, direction) ?? { ...zeros, rejectedByReason: {}, stepMinutes: {} };
  }

  /** After minus before, for every count and reason code. */
  function difference(after: any, before: any) {
    const codes = new Set([...Object.keys(after.rejectedByReason), ...Object.keys(before.rejectedByReason)]);
    return {
      ...Object.fromEntries(COUNT_NAMES.map((name) => [name, after[name] - before[name]])),
      rejectedByReason: Object.fromEntries(
        [...codes]
          .map((code) => [code, (after.rejectedByReason[code] ?? 0) - (before.rejectedByReason[code] ?? 0)])
          .filter(([, n]) => n !== 0),
      ),
    };
  }

  describe('after a day of traffic', () => {
    const customsMinutes = [10, 20, 30, 40];
    const before: Record<string, any> = {};

    beforeAll(async () => {
      await emptyQueues(t, GATE, crew, 'cleared away by stats.test');
      await t.app.get(StatsRollupService).rollupRecent();
      before.export = await todayOf('export');
      before.import = await todayOf('import');

      const watchedPlate = uniqueVnPlate();
      const watchedDocument = `020090${randomInt(0, 1_000_000).toString().padStart(6, '0')}`; // a Lạng Sơn CCCD
      const watchlist = t.app.get(WatchlistService);
      await watchlist.add('plate', watchedPlate, 'stolen vehicle report');
      await watchlist.add('document', watchedDocument, 'forged licence');

      const cleared = await declare({ cargo: machines });
      const refused = await declare({ cargo: machines });
      const stays = await declare({ cargo: machines });
      const perishable = await declare({ cargo: fruit });
      const imported = await declare({ direction: 'import', cargo: machines });
      const cancelled = await declare({});
      const noShow = await declare({ expectedArrivalAt: hoursAgo(1) });
      expect([cleared, refused, stays, perishable, imported, cancelled, noShow].map((d) => d.status)).toEqual(
        Array(7).fill('accepted'),
      );
      // Rejections: late; late and watchlisted (two reasons); a watchlisted driver on an import.
      const late = await declare({ expectedArrivalAt: hoursAgo(5) });
      const lateAndWatched = await declare({
        expectedArrivalAt: hoursAgo(5),
        vehicle: { plate: watchedPlate, nationality: 'VN' },
      });
      const watchedDriver = await declare({
        direction: 'import',
        driver: { fullName: 'Lý Văn Bình', documentNumber: watchedDocument, nationality: 'VN' },
      });
      await watchlist.remove('plate', watchedPlate);
      await watchlist.remove('document', watchedDocument);
      expect(late.reasons.map((r: any) => r.code)).toEqual(['ARRIVAL.OUTSIDE_WINDOW']);
      expect(lateAndWatched.reasons.map((r: any) => r.code).sort()).toEqual([
        'ARRIVAL.OUTSIDE_WINDOW',
        'WATCHLIST.VEHICLE',
      ]);
      expect(watchedDriver.reasons.map((r: any) => r.code)).toEqual(['WATCHLIST.DRIVER']);

      const cancel = await t.request({
        method: 'POST',
        url: `/api/v1/declarations/${cancelled.id}/cancel`,
        headers: { authorization: `Bearer ${company.apiKey}` },
      });
      expect(cancel.json().status).toBe('cancelled');
      // The no-show timer, as a worker allowing one minute after the expected arrival runs it (this app's own
      // allowance stays 12 h, so its timers leave every other declaration in the database alone).
      const strictExpiry = new ExpiryService(
        t.sql,
        t.app.get(ClearanceRepository),
        t.app.get(DeclarationsRepository),
        testConfig({ CLEARANCE_NO_SHOW_EXPIRY_MINUTES: '1' }).clearance,
      );
      expect(await strictExpiry.expireNoShow(noShow.id)).toBe(true);

      const customsSteps: string[] = [];
      const checkIn = async (d: any) =>
        expect(
          (await postAs(t, crew.yard, `/api/v1/gates/${GATE}/check-ins`, { plate: d.vehicle.plate })).statusCode,
        ).toBe(201);
      const exit = async (d: any) =>
        expect(
          (await postAs(t, crew.border_guard, `/api/v1/gates/${GATE}/exits`, { plate: d.vehicle.plate })).json().status,
        ).toBe('exited');
      for (const d of [cleared, stays]) {
        await checkIn(d);
        customsSteps.push(await decideNext('customs', d));
        await decideNext('border_guard', d);
        await decideNext('yard', d);
      }
      await exit(cleared);
      await checkIn(refused);
      customsSteps.push(await decideNext('customs', refused, 'refuse'));
      await exit(refused);
      await checkIn(perishable);
      customsSteps.push(await decideNext('customs', perishable));
      await decideNext('quarantine', perishable);
      await decideNext('border_guard', perishable);
      await decideNext('yard', perishable);
      await exit(perishable);
      await checkIn(imported);
      await decideNext('border_guard', imported);
      await decideNext('customs', imported);
      await decideNext('yard', imported);
      await exit(imported);

      // Known minutes from entering the customs queue to the decision, for the four export customs steps.
      for (const [i, id] of customsSteps.entries()) {
        await t.sql.rows('UPDATE clearance_step SET ready_at = decided_at - make_interval(mins => $2) WHERE id = $1', [
          id,
          customsMinutes[i],
        ]);
      }
      await t.app.get(StatsRollupService).rollupRecent();
    });

    it('counts what happened, per direction, with the reasons of each rejection', async () => {
      const res = await stats(`gate=${GATE}&from=${today}&to=${today}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ gate: GATE, from: today, to: today, missingDays: [] });
      expect(body.items.map((i: any) => i.direction)).toEqual(['export', 'import']);

      const exported = item(body, today, 'export');
      expect(difference(exported, before.export)).toEqual({
        declared: 8,
        accepted: 6,
        rejected: 2,
        rejectedByReason: { 'ARRIVAL.OUTSIDE_WINDOW': 2, 'WATCHLIST.VEHICLE': 1 },
        cancelled: 1,
        expired: 1,
        arrived: 4,
        cleared: 3,
        refused: 1,
        exited: 3,
      });
      const imported = item(body, today, 'import');
      expect(difference(imported, before.import)).toEqual({
        declared: 2,
        accepted: 1,
        rejected: 1,
        rejectedByReason: { 'WATCHLIST.DRIVER': 1 },
        cancelled: 0,
        expired: 0,
        arrived: 1,
        cleared: 1,
        refused: 0,
        exited: 1,
      });
      expect(Math.abs(Date.parse(exported.computedAt) - Date.now())).toBeLessThan(60_000);
    });

    it('equals the audit history, day by day, including a quiet day computed as zeros', async () => {
      const body = (await stats(`gate=${GATE}&from=${yesterday}&to=${today}`)).json();
      expect(body.missingDays).toEqual([]);
      expect(body.items.map((i: any) => `${i.day}/${i.direction}`)).toEqual([
        `${yesterday}/export`,
        `${yesterday}/import`,
        `${today}/export`,
        `${today}/import`,
      ]);
      const audit = await auditCounts();
      for (const i of body.items) expect(countsOf(i)).toEqual(audit.get(`${i.day}/${i.direction}`) ?? zeros);
      expect(countsOf(item(body, yesterday, 'export'))).toEqual(zeros);
    });

    it('gives p50 and p90 minutes per step agency, from entering the queue to the decision', async () => {
      const body = (await stats(`gate=${GATE}&from=${today}&to=${today}`)).json();
      const exported = item(body, today, 'export');
      const imported = item(body, today, 'import');
      expect(Object.keys(exported.stepMinutes).sort()).toEqual([...AGENCIES].sort());
      const added = (i: any, direction: 'export' | 'import', agency: string) =>
        i.stepMinutes[agency].count - (before[direction].stepMinutes[agency]?.count ?? 0);
      expect(added(exported, 'export', 'customs')).toBe(4);
      expect(added(exported, 'export', 'quarantine')).toBe(1);
      expect(added(exported, 'export', 'border_guard')).toBe(3);
      expect(added(exported, 'export', 'yard')).toBe(3);
      expect(added(imported, 'import', 'quarantine')).toBe(0);

      // Every agency's figures equal the percentiles of the steps decided today, computed here from the rows.
      const steps = await t.sql.rows<{ direction: string; agency: string; minutes: number }>(
        `SELECT d.direction, s.agency, extract(epoch FROM s.decided_at - s.ready_at)::float8 / 60 AS minutes
           FROM clearance_step s JOIN declaration d ON d.id = s.declaration_id
          WHERE s.gate_code = $1 AND s.status IN ('passed', 'refused')
            AND to_char(s.decided_at AT TIME ZONE $2, 'YYYY-MM-DD') = $3`,
        [GATE, ZONE, today],
      );
      const customs = steps.filter((s) => s.direction === 'export' && s.agency === 'customs').map((s) => s.minutes);
      expect(customs).toEqual(expect.arrayContaining(customsMinutes));
      for (const [direction, i] of [
        ['export', exported],
        ['import', imported],
      ] as const) {
        for (const agency of AGENCIES) {
          const minutes = steps.filter((s) => s.direction === direction && s.agency === agency).map((s) => s.minutes);
          expect(i.stepMinutes[agency]).toEqual({
            count: minutes.length,
            p50: percentile(minutes, 0.5),
            p90: percentile(minutes, 0.9),
          });
        }
      }
    });

    it('is kept up to date by the repeatable BullMQ job, registered when the worker starts', async () => {
      const queue = t.app.get(QueueRegistry).get(QueueName.Stats);
      const scheduler = await eventually(() => queue.getJobScheduler('rollup-daily-stats'), 10_000, 'the scheduler');
      expect(scheduler).toMatchObject({ name: JobName.RollupDailyStats, every: 5 * 60_000 });

      const previous = await todayOf('import');
      const late = await declare({ direction: 'import', expectedArrivalAt: hoursAgo(6) });
      expect(late.status).toBe('rejected');
      const job = await queue.add(JobName.RollupDailyStats, {});
      await eventually(
        async () => ((await job.getState()) === 'completed' ? true : undefined),
        15_000,
        'the rollup job',
      );
      const imported = await todayOf('import');
      expect(difference(imported, previous)).toEqual({
        ...zeros,
        declared: 1,
        rejected: 1,
        rejectedByReason: { 'ARRIVAL.OUTSIDE_WINDOW': 1 },
      });
      const audit = await auditCounts();
      expect(countsOf(imported)).toEqual(audit.get(`${today}/import`));
    });
  });

  it('lists days the rollup never computed as missing, until stats:rebuild computes them', async () => {
    const range = 'from=2020-01-01&to=2020-01-03';
    const before = (await stats(`gate=${GATE}&${range}`)).json();
    expect(before).toMatchObject({ items: [], missingDays: ['2020-01-01', '2020-01-02', '2020-01-03'] });

    const run = cli(['stats:rebuild', '--from', '2020-01-01', '--to', '2020-01-03']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).rebuilt).toEqual([
      { gate: 'HUU_NGHI', from: '2020-01-01', to: '2020-01-03', rows: 6 },
      { gate: 'TAN_THANH', from: '2020-01-01', to: '2020-01-03', rows: 6 },
    ]);
    const after = (await stats(`gate=${GATE}&${range}`)).json();
    expect(after.missingDays).toEqual([]);
    expect(after.items).toHaveLength(6);
    for (const i of after.items) {
      expect(countsOf(i)).toEqual(zeros);
      expect(i.rejectedByReason).toEqual({});
      expect(i.stepMinutes.customs).toEqual({ count: 0, p50: null, p90: null });
    }

    const bad = cli(['stats:rebuild', '--from', '2020-02-30', '--to', '2020-03-01']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('REQUEST.VALIDATION_FAILED');
  });

  it('is for supervisors of the gate only', async () => {
    const query = `gate=${GATE}&from=${today}&to=${today}`;
    const customs = await stats(query, crew.customs);
    expect(customs.statusCode).toBe(403);
    expect(customs.json().code).toBe('AUTH.FORBIDDEN');
    expect((await stats(query, await officer(t, 'supervisor', ['TAN_THANH']))).statusCode).toBe(403);
    expect((await stats(query, null)).statusCode).toBe(401);
    expect((await stats(query, await officer(t, 'supervisor', ['TAN_THANH', 'HUU_NGHI']))).statusCode).toBe(200);
  });

  it.each([
    ['a day that does not exist', 'gate=HUU_NGHI&from=2026-02-30&to=2026-03-01', 'from'],
    ['a day written another way', 'gate=HUU_NGHI&from=2026-03-01&to=1.3.2026', 'to'],
    ['an end before the start', 'gate=HUU_NGHI&from=2026-03-02&to=2026-03-01', 'to'],
    ['more than 366 days', 'gate=HUU_NGHI&from=2025-01-01&to=2026-01-02', 'to'],
    ['no gate', 'from=2026-03-01&to=2026-03-01', 'gate'],
    ['an unknown gate', 'gate=MONG_CAI&from=2026-03-01&to=2026-03-01', 'gate'],
    ['no start', 'gate=HUU_NGHI&to=2026-03-01', 'from'],
    ['an unknown parameter', 'gate=HUU_NGHI&from=2026-03-01&to=2026-03-01&direction=export', 'direction'],
  ])('answers 400 naming the field for %s', async (_, query, field) => {
    const res = await stats(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('REQUEST.VALIDATION_FAILED');
    expect(res.json().details.map((d: any) => d.field)).toEqual([field]);
  });

  it('accepts a full leap year', async () => {
    const res = await stats('gate=HUU_NGHI&from=2024-01-01&to=2024-12-31');
    expect(res.statusCode).toBe(200);
    expect(res.json().missingDays).toHaveLength(366);
  });
});
