import { FeeSchedulesRepository } from '../src/modules/fees/fee-schedules.repository.js';
import { GOODS_CATEGORIES, VEHICLE_CLASSES } from '../src/modules/fees/fee-rules.js';
import { StatsRollupService } from '../src/modules/stats/stats-rollup.service.js';
import { getDeclaration, settled, submit } from './support/api.js';
import { expectError } from './support/errors.js';
import { declarationBody, machines } from './support/factories.js';
import { emptyQueues } from './support/queues.js';
import {
  officer,
  claimStepOf,
  postAs,
  startWithGateCrew,
  type AgencyName,
  type TestOfficer,
} from './support/officers.js';
import type { TestApp, TestCompany } from './support/test-app.js';

// The fee as dated schedules (docs/fees.md): the schedules as stored, the quote on both declaration answers, what
// the fee step records, the exemption check intake uses, the daily totals and the finance office's CSV.
const GATE = 'TAN_THANH';

describe('fees', () => {
  let t: TestApp;
  let company: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;
  let today: string;

  beforeAll(async () => {
    ({ t, company, crew } = await startWithGateCrew(GATE));
    today = (await t.sql.one<{ day: string }>(
      `SELECT (now() AT TIME ZONE timezone)::date::text AS day FROM gate WHERE code = $1`,
      [GATE],
    ))!.day;
  });
  afterAll(async () => {
    await emptyQueues(t, GATE, crew, 'cleared away by fees.test');
    await t.close();
  });

  const get = (url: string, who: TestOfficer) => t.request({ method: 'GET', url, headers: who.headers });
  const pass = (step: { id: string }, who: TestOfficer, extra: Record<string, unknown> = {}) =>
    postAs(t, who, `/api/v1/steps/${step.id}/decision`, { decision: 'pass', ...extra });

  async function accepted(overrides: Parameters<typeof declarationBody>[0] = {}): Promise<any> {
    const res = await submit(t, company.apiKey, declarationBody({ gate: GATE, ...overrides }));
    expect(res.statusCode).toBe(202);
    const d = await settled(t, company.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    return d;
  }

  const claimFor = (agency: AgencyName, declarationId: string) => claimStepOf(t, crew[agency], GATE, declarationId);

  /** Checks the vehicle in and passes every step but the fee; returns the claimed fee step. */
  async function atTheFeeStep(d: any): Promise<any> {
    expect((await postAs(t, crew.yard, `/api/v1/gates/${GATE}/check-ins`, { plate: d.vehicle.plate })).statusCode).toBe(
      201,
    );
    const steps = (await getDeclaration(t, company.apiKey, d.id)).json().steps as any[];
    for (const stage of [...new Set(steps.map((s) => s.stage))].sort()) {
      for (const s of steps.filter((x) => x.stage === stage && x.agency !== 'yard')) {
        expect((await pass(await claimFor(s.agency, d.id), crew[s.agency as AgencyName])).statusCode).toBe(200);
      }
    }
    return claimFor('yard', d.id);
  }

  describe('the schedules as stored', () => {
    it('every schedule has one rate for every class and goods category, and one open class', async () => {
      const schedules = await t.app.get(FeeSchedulesRepository).schedules();
      expect(schedules.map((s) => s.id)).toContain('LS-09-2025');
      for (const s of schedules) {
        const keys = s.rates.map((r) => `${r.vehicleClass}/${r.goodsCategory}`).sort();
        expect({ id: s.id, keys }).toEqual({
          id: s.id,
          keys: VEHICLE_CLASSES.flatMap((c) => GOODS_CATEGORIES.map((g) => `${c}/${g}`)).sort(),
        });
        expect(s.classes.map((c) => c.vehicleClass).sort()).toEqual([...VEHICLE_CLASSES]);
        expect(s.classes.filter((c) => c.belowKg === null)).toHaveLength(1);
      }
    });

    it.each([
      [`INSERT INTO fee_schedule VALUES ('bad id!', 'x', '2090-01-01', 30, 130)`, 'CK_fee_schedule_id'],
      [`INSERT INTO fee_schedule VALUES ('DUP-DAY', 'x', '2025-01-01', 30, 130)`, 'UQ_fee_schedule_valid_from'],
      [`INSERT INTO fee_schedule_rate VALUES ('LS-09-2025', 'VT7', 'farm', 1)`, 'CK_fee_schedule_rate_class'],
      [`INSERT INTO fee_schedule_rate VALUES ('LS-09-2025', 'VT1', 'luxury', 1)`, 'CK_fee_schedule_rate_goods'],
      [`UPDATE fee_schedule_rate SET amount_vnd = -1 WHERE schedule_id = 'LS-09-2025'`, 'CK_fee_schedule_rate_amount'],
      [`INSERT INTO fee_schedule_rate VALUES ('NOPE', 'VT1', 'farm', 1)`, 'FK_fee_schedule_rate_schedule'],
      [`INSERT INTO fee_schedule_exemption VALUES ('LS-09-2025', 'lower', 'x')`, 'CK_fee_schedule_exemption_code'],
      [`UPDATE fee_schedule_class SET below_kg = NULL WHERE schedule_id = 'LS-09-2025'`, 'UQ_fee_schedule_class_open'],
      [`INSERT INTO fee_schedule_container VALUES ('LS-09-2025', 30, 'VT5')`, 'CK_fee_schedule_container_size'],
    ])('the database refuses %s (%s)', async (statement, constraint) => {
      await expect(t.sql.rows(statement)).rejects.toMatchObject({ constraint });
    });
  });

  it('tells whether the schedule in force on a day lists an exemption code', async () => {
    const fees = t.app.get(FeeSchedulesRepository);
    expect(await fees.exemptionListed(t.sql, 'DIPLOMATIC', today)).toBe(true);
    expect(await fees.exemptionListed(t.sql, 'NOT_A_CODE', today)).toBe(false);
    expect(await fees.exemptionListed(t.sql, 'DIPLOMATIC', '2024-12-31')).toBe(false);
    expect(await t.sql.dataSource.transaction((m) => fees.exemptionListed(m, 'EMERGENCY_RELIEF', today))).toBe(true);
  });

  it("quotes the fee on the company's and the officers' answers, by the declaration as it stands", async () => {
    const d = await accepted({ direction: 'import', cargo: machines });
    const quoted = async () => {
      const own = (await getDeclaration(t, company.apiKey, d.id)).json().feeQuote;
      const officers = (await get(`/api/v1/gates/${GATE}/declarations/${d.id}`, crew.customs)).json().feeQuote;
      expect(officers).toEqual(own);
      return own;
    };
    expect(await quoted()).toEqual({
      amount: 2_860_000,
      currency: 'VND',
      basis: {
        scheduleId: 'LS-09-2025',
        vehicleClass: 'VT4',
        weightBasisKg: 12_000,
        grossWeightKg: 12_000,
        goodsCategory: 'general',
        direction: 'import',
        baseAmount: 2_200_000,
        percent: 130,
        directionPercent: 130,
        exemptionCode: null,
      },
    });
    // Kind, tonnage, container size and exemption changed in the database: the quote follows the row as it stands.
    await t.sql.rows(
      `UPDATE declaration SET trip_kind = 'transshipment', handover_role = 'delivering', vehicle_tonnage_kg = 30000
        WHERE id = $1`,
      [d.id],
    );
    expect(await quoted()).toMatchObject({
      amount: 1_500_000,
      basis: { vehicleClass: 'VT6', weightBasisKg: 30_000, baseAmount: 5_000_000, percent: 30 },
    });
    await t.sql.rows(
      `UPDATE declaration SET trip_kind = 'through', handover_role = NULL, vehicle_tonnage_kg = NULL,
              cargo_regime = 're_export' WHERE id = $1`,
      [d.id],
    );
    await t.sql.rows(`UPDATE declaration_container SET size_feet = 20 WHERE declaration_id = $1 AND position = 1`, [
      d.id,
    ]);
    expect(await quoted()).toMatchObject({
      amount: 4_000_000,
      basis: { vehicleClass: 'VT5', goodsCategory: 're_export', percent: 100 },
    });
    await t.sql.rows(`UPDATE declaration SET fee_exemption_code = 'DIPLOMATIC' WHERE id = $1`, [d.id]);
    expect(await quoted()).toMatchObject({
      amount: 0,
      basis: { vehicleClass: 'VT5', baseAmount: 4_000_000, exemptionCode: 'DIPLOMATIC' },
    });
  });

  describe('collected', () => {
    let d: any;
    let paid: any;
    const receipt = '=HYPERLINK("http://x.example")';

    beforeAll(async () => {
      d = await accepted({ direction: 'import', cargo: machines });
      const step = await atTheFeeStep(d);
      expect(step.feeQuote.amount).toBe(2_860_000);
      const res = await pass(step, crew.yard, { paymentReference: receipt });
      expect(res.statusCode).toBe(200);
      paid = res.json();
    });

    it('records with the e-receipt number what the fee was based on', async () => {
      expect(paid.step).toMatchObject({ feeAmountVnd: 2_860_000, feeVehicleClass: 'VT4', paymentReference: receipt });
      expect(
        await t.sql.one(
          `SELECT fee_amount_vnd::int AS amount, fee_vehicle_class, fee_goods_category, fee_base_vnd::int AS base,
                  fee_percent, fee_schedule_id, fee_exemption_code, payment_reference
             FROM clearance_step WHERE id = $1`,
          [paid.step.id],
        ),
      ).toEqual({
        amount: 2_860_000,
        fee_vehicle_class: 'VT4',
        fee_goods_category: 'general',
        base: 2_200_000,
        fee_percent: 130,
        fee_schedule_id: 'LS-09-2025',
        fee_exemption_code: null,
        payment_reference: receipt,
      });
    });

    it('lists it in the CSV for the finance office, safely for a spreadsheet', async () => {
      const res = await get(`/api/v1/gates/${GATE.toLowerCase()}/fees.csv?from=${today}&to=${today}`, crew.yard);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="fees-${GATE}-${today}-${today}.csv"`);
      const lines = res.body.split('\r\n');
      expect(lines[0]).toBe(
        'paid_at,reference,plate,direction,vehicle_class,goods_category,base_vnd,percent,amount_vnd,exemption_code,' +
          'schedule_id,e_receipt_number,officer',
      );
      expect(lines.at(-1)).toBe('');
      const row = lines.find((l) => l.includes(d.reference));
      expect(row).toBeDefined();
      const [paidAt, ...rest] = row!.split(',');
      expect(paidAt).toMatch(new RegExp(`^${today}T\\d{2}:\\d{2}:\\d{2}\\+07:00$`));
      expect(rest.join(',')).toBe(
        `${d.reference},${d.vehicle.plateDisplay},import,VT4,general,2200000,130,2860000,,LS-09-2025,` +
          `"'=HYPERLINK(""http://x.example"")",${crew.yard.username}`,
      );
      const bySupervisor = await get(`/api/v1/gates/${GATE}/fees.csv?from=${today}&to=${today}`, crew.supervisor);
      expect(bySupervisor.statusCode).toBe(200);
      expect(bySupervisor.body).toContain(d.reference);
    });

    it.each([
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-03-02&to=2026-03-01', 'to'],
      ['from=2026-01-01&to=2026-02-01', 'to'],
      ['from=2026-01-01', 'to'],
      ['from=2026-01-01&to=2026-01-02&extra=1', 'extra'],
    ])('answers 400 naming the field for %s', async (query, field) => {
      const res = await get(`/api/v1/gates/${GATE}/fees.csv?${query}`, crew.yard);
      expect(expectError(res, 400, 'REQUEST.VALIDATION_FAILED').details).toEqual([expect.objectContaining({ field })]);
    });

    it('is for yard officers and supervisors of the gate only', async () => {
      const url = `/api/v1/gates/${GATE}/fees.csv?from=${today}&to=${today}`;
      expectError(await get(url, crew.customs), 403, 'AUTH.FORBIDDEN');
      expectError(await get(url, await officer(t, 'yard', ['HUU_NGHI'])), 403, 'AUTH.FORBIDDEN');
      expectError(
        await get(`/api/v1/gates/nowhere/fees.csv?from=${today}&to=${today}`, crew.yard),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    });

    it('counts it in the daily statistics, by class too', async () => {
      const collected = await t.sql.one<{ n: number; total: number; vt4: number; vt4_total: number }>(
        `SELECT count(*)::int AS n, sum(s.fee_amount_vnd)::int AS total,
                count(*) FILTER (WHERE s.fee_vehicle_class = 'VT4')::int AS vt4,
                coalesce(sum(s.fee_amount_vnd) FILTER (WHERE s.fee_vehicle_class = 'VT4'), 0)::int AS vt4_total
           FROM clearance_step s JOIN declaration d ON d.id = s.declaration_id JOIN gate g ON g.code = s.gate_code
          WHERE s.gate_code = $1 AND s.kind = 'fee' AND s.status = 'passed' AND d.direction = 'import'
            AND (s.decided_at AT TIME ZONE g.timezone)::date = $2::date`,
        [GATE, today],
      );
      await t.app.get(StatsRollupService).rollup(GATE, today, today);
      const res = await get(`/api/v1/stats/daily?gate=${GATE}&from=${today}&to=${today}`, crew.supervisor);
      expect(res.statusCode).toBe(200);
      const item = res.json().items.find((i: any) => i.direction === 'import');
      expect(collected!.n).toBeGreaterThanOrEqual(1);
      expect(item.fees).toMatchObject({
        count: collected!.n,
        totalVnd: collected!.total,
        byClass: { VT4: { count: collected!.vt4, totalVnd: collected!.vt4_total } },
      });
    });
  });
});
