import { ClearanceRepository } from '../src/modules/clearance/clearance.repository.js';
import { FeeSchedulesRepository } from '../src/modules/fees/fee-schedules.repository.js';
import { type FeeTrip, quoteFee } from '../src/modules/fees/fee-rules.js';
import { getDeclaration, settled, submit } from './support/api.js';
import { expectError } from './support/errors.js';
import { declarationBody, fruit, machines } from './support/factories.js';
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

// What officers' answers carry to act without a second look-up: the vehicle (reference, plate, gate,
// direction) on queue rows, claims and decisions, the fee to collect on the yard's, and amendment requests
// naming their vehicle; and gate codes in any letter case.
describe('officer answers', () => {
  let t: TestApp;
  let company: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;

  beforeAll(async () => ({ t, company, crew } = await startWithGateCrew('HUU_NGHI')));
  afterAll(async () => {
    // Later test files on this database find this gate's queues empty.
    await emptyQueues(t, 'HUU_NGHI', crew, 'cleared away by officer-answers.test');
    await t.close();
  });

  const get = (url: string, who: TestOfficer) => t.request({ method: 'GET', url, headers: who.headers });

  async function accepted(overrides: Parameters<typeof declarationBody>[0] = {}): Promise<any> {
    const res = await submit(t, company.apiKey, declarationBody(overrides));
    expect(res.statusCode).toBe(202);
    const d = await settled(t, company.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    return d;
  }

  async function inYard(overrides: Parameters<typeof declarationBody>[0] = {}): Promise<any> {
    const d = await accepted(overrides);
    const checkIn = await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: d.vehicle.plate });
    expect(checkIn.statusCode).toBe(201);
    return d;
  }

  const pass = (step: { id: string }, who: TestOfficer, extra: Record<string, unknown> = {}) =>
    postAs(t, who, `/api/v1/steps/${step.id}/decision`, { decision: 'pass', ...extra });

  /** This declaration's row of an agency's queue (as listed through `gatePath`). */
  async function queueRow(agency: AgencyName, declarationId: string, gatePath = 'HUU_NGHI'): Promise<any> {
    const res = await get(`/api/v1/gates/${gatePath}/queues/${agency}`, crew[agency]);
    expect(res.statusCode).toBe(200);
    expect(res.json().gate).toBe('HUU_NGHI');
    const row = res.json().items.find((i: any) => i.declarationId === declarationId && i.status === 'waiting');
    expect(row).toBeDefined();
    return row;
  }

  /** Claims from an agency's queue until it reaches this declaration's step, passing other trucks through. */
  const claimFor = (agency: AgencyName, declarationId: string, gatePath = 'HUU_NGHI') =>
    claimStepOf(t, crew[agency], gatePath, declarationId);

  describe('claims, queue rows and decisions name the vehicle', () => {
    it('on an inspection step: reference, plate, gate and direction, and no fee quote', async () => {
      const d = await inYard({ cargo: machines });
      const vehicle = {
        declarationId: d.id,
        reference: d.reference,
        plate: d.vehicle.plate,
        plateDisplay: d.vehicle.plateDisplay,
        gate: 'HUU_NGHI',
        direction: 'export',
      };
      expect(d.vehicle.plateDisplay).not.toBe(d.vehicle.plate);

      expect(await queueRow('customs', d.id)).toMatchObject({ ...vehicle, perishable: false, feeQuote: null });
      const step = await claimFor('customs', d.id);
      expect(step).toMatchObject({
        ...vehicle,
        agency: 'customs',
        status: 'claimed',
        perishable: false,
        feeQuote: null,
      });

      const decided = await pass(step, crew.customs);
      expect(decided.statusCode).toBe(200);
      expect(decided.json()).toEqual({
        ...vehicle,
        step: expect.objectContaining({ id: step.id, status: 'passed' }),
        declarationStatus: 'in_yard',
      });
    });

    it("on the yard's fee step: the quote in the queue and the claim is what passing the step records", async () => {
      // VT4 (12 t) general goods, import: 2,200,000 × 130 %.
      const d = await inYard({ direction: 'import', cargo: machines });
      await pass(await claimFor('border_guard', d.id), crew.border_guard);
      await pass(await claimFor('customs', d.id), crew.customs);

      const quote = {
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
      };
      const row = await queueRow('yard', d.id);
      expect(row).toMatchObject({ reference: d.reference, plate: d.vehicle.plate, gate: 'HUU_NGHI', kind: 'fee' });
      expect(row.feeQuote).toEqual(quote);

      const step = await claimFor('yard', d.id);
      expect(step).toMatchObject({ reference: d.reference, plate: d.vehicle.plate, direction: 'import', kind: 'fee' });
      expect(step.feeQuote).toEqual(quote);

      const paid = await pass(step, crew.yard, { paymentReference: 'PT-QUOTED-1' });
      expect(paid.json()).toMatchObject({
        reference: d.reference,
        plate: d.vehicle.plate,
        declarationStatus: 'cleared',
        step: { feeAmountVnd: step.feeQuote.amount, feeVehicleClass: 'VT4', paymentReference: 'PT-QUOTED-1' },
      });
      const recorded = await t.sql.one<{ fee_amount_vnd: string }>(
        'SELECT fee_amount_vnd FROM clearance_step WHERE id = $1',
        [step.id],
      );
      expect(Number(recorded!.fee_amount_vnd)).toBe(step.feeQuote.amount);
    });

    it('quotes a perishable export as farm goods at 100 %', async () => {
      const d = await inYard({ cargo: fruit });
      const quarantine = await claimFor('quarantine', d.id);
      await pass(quarantine, crew.quarantine);
      await pass(await claimFor('customs', d.id), crew.customs);
      await pass(await claimFor('border_guard', d.id), crew.border_guard);
      const step = await claimFor('yard', d.id);
      expect(step.feeQuote).toEqual({
        amount: 4_000_000,
        currency: 'VND',
        basis: {
          scheduleId: 'LS-09-2025',
          vehicleClass: 'VT6',
          weightBasisKg: 18_000,
          grossWeightKg: 18_000,
          goodsCategory: 'farm',
          direction: 'export',
          baseAmount: 4_000_000,
          percent: 100,
          directionPercent: 100,
          exemptionCode: null,
        },
      });
      expect((await pass(step, crew.yard, { paymentReference: 'PT-QUOTED-2' })).json().step.feeAmountVnd).toBe(
        4_000_000,
      );
    });

    it('charges by the same rules as fee-rules.ts over a grid of trips, schedules and exemptions', async () => {
      // One accepted declaration rewritten case by case: the statement the fee step charges by (and the queue and
      // the claim quote by) against quoteFee over the schedules as stored, plus a later one added for the test.
      const d = await accepted({ cargo: machines });
      const original = await t.sql.one<{ arrival_day: string }>(
        'SELECT arrival_day::text AS arrival_day FROM declaration WHERE id = $1',
        [d.id],
      );
      await t.sql.rows(
        `INSERT INTO fee_schedule (id, title, valid_from, transshipment_percent, domestic_import_percent)
         VALUES ('TEST-2099', 'A later schedule (officer-answers.test)', '2099-01-01', 45, 150)`,
      );
      await t.sql.rows(`INSERT INTO fee_schedule_class (schedule_id, vehicle_class, below_kg)
        VALUES ('TEST-2099', 'VT1', 3000), ('TEST-2099', 'VT2', 8000), ('TEST-2099', 'VT3', 12000),
               ('TEST-2099', 'VT4', 16000), ('TEST-2099', 'VT5', 25000), ('TEST-2099', 'VT6', NULL)`);
      await t.sql.rows(`INSERT INTO fee_schedule_container (schedule_id, size_feet, min_class)
        VALUES ('TEST-2099', 20, 'VT4'), ('TEST-2099', 40, 'VT5'), ('TEST-2099', 45, 'VT6')`);
      await t.sql.rows(`INSERT INTO fee_schedule_rate (schedule_id, vehicle_class, goods_category, amount_vnd)
        SELECT 'TEST-2099', vehicle_class, goods_category, amount_vnd * 3 + 1 FROM fee_schedule_rate
         WHERE schedule_id = 'LS-09-2025'`);
      await t.sql.rows(`INSERT INTO fee_schedule_exemption (schedule_id, code, description)
        VALUES ('TEST-2099', 'TEST_ONLY', 'officer-answers.test')`);
      const schedules = await t.app.get(FeeSchedulesRepository).schedules();
      const repository = t.app.get(ClearanceRepository);

      const days = ['2024-12-31', original!.arrival_day, '2099-01-01'];
      const legs = [
        ['through', null],
        ['empty', null],
        ['delivery_and_return', null],
        ['transshipment', 'delivering'],
        ['transshipment', 'receiving'],
        ['tractor_swap', 'delivering'],
        ['tractor_swap', 'receiving'],
      ] as const;
      const regimes = ['standard', 're_export', 'temporary_import'] as const;
      const weights = [0, 1_999, 2_000, 4_999, 9_999, 10_000, 14_999, 15_000, 17_999, 18_000, 24_999, 40_000];
      const tonnages = [null, 3_000, 16_000];
      const cargoes = [
        { perishable: true, hsCode: null },
        { perishable: false, hsCode: null },
        { perishable: false, hsCode: '01012100' },
        { perishable: false, hsCode: '24022090' },
        { perishable: false, hsCode: '25010010' },
        { perishable: false, hsCode: '84714990' },
      ];
      const containers: (20 | 40 | 45 | null)[][] = [[], [20], [null], [40, 20], [45]];
      const exemptions = [null, 'DIPLOMATIC', 'TEST_ONLY', 'NOT_LISTED'];
      const cases: FeeTrip[] = [];
      // Every class limit with every cargo, then a deterministic spread over the rest of the grid.
      for (const grossWeightKg of weights) {
        for (const cargo of cargoes) {
          cases.push({
            arrivalDay: original!.arrival_day,
            direction: 'import',
            tripKind: 'through',
            handoverRole: null,
            cargoRegime: 'standard',
            vehicleTonnageKg: null,
            grossWeightKg,
            ...cargo,
            containerSizesFeet: [],
            feeExemptionCode: null,
          });
        }
      }
      for (let i = 0; i < 360; i += 1) {
        const [tripKind, handoverRole] = legs[i % legs.length];
        cases.push({
          arrivalDay: days[(i * 7) % days.length],
          direction: i % 2 ? 'import' : 'export',
          tripKind,
          handoverRole,
          cargoRegime: regimes[(i * 5) % regimes.length],
          vehicleTonnageKg: tonnages[(i * 11) % tonnages.length],
          grossWeightKg: weights[(i * 13) % weights.length],
          ...cargoes[(i * 17) % cargoes.length],
          containerSizesFeet: containers[(i * 19) % containers.length],
          feeExemptionCode: exemptions[(i * 23) % exemptions.length],
        });
      }
      try {
        for (const c of cases) {
          await t.sql.rows(
            `UPDATE declaration SET arrival_day = $2, direction = $3, trip_kind = $4, handover_role = $5,
                    linked_declaration_id = CASE WHEN $5::text IS NULL THEN NULL ELSE id END, cargo_regime = $6,
                    vehicle_tonnage_kg = $7, cargo_gross_weight_kg = $8, cargo_perishable = $9, cargo_hs_code = $10,
                    fee_exemption_code = $11
              WHERE id = $1`,
            [
              d.id,
              c.arrivalDay,
              c.direction,
              c.tripKind,
              c.handoverRole,
              c.cargoRegime,
              c.vehicleTonnageKg,
              c.grossWeightKg,
              c.perishable,
              c.hsCode,
              c.feeExemptionCode,
            ],
          );
          await t.sql.rows('DELETE FROM declaration_container WHERE declaration_id = $1', [d.id]);
          for (const [i, size] of c.containerSizesFeet.entries()) {
            await t.sql.rows(
              `INSERT INTO declaration_container (declaration_id, position, container_number, size_feet)
               VALUES ($1, $2, $3, $4)`,
              [d.id, i + 1, `MSCU123456${i}`, size],
            );
          }
          const expected = quoteFee(schedules, c);
          const charged = await t.sql.dataSource.transaction((m) => repository.feeOf(m, d.id));
          expect({ ...c, charged }).toEqual({
            ...c,
            charged: expected && {
              amountVnd: expected.amountVnd,
              vehicleClass: expected.vehicleClass,
              goodsCategory: expected.goodsCategory,
              baseVnd: expected.baseAmountVnd,
              percent: expected.percent,
              scheduleId: expected.scheduleId,
              exemptionCode: expected.exemptionCode,
            },
          });
        }
      } finally {
        await t.sql.rows('DELETE FROM declaration_container WHERE declaration_id = $1', [d.id]);
        await t.sql.rows(
          `UPDATE declaration SET arrival_day = $2, direction = 'export', trip_kind = 'through', handover_role = NULL,
                  linked_declaration_id = NULL, cargo_regime = 'standard', vehicle_tonnage_kg = NULL,
                  cargo_gross_weight_kg = $3, cargo_perishable = false, cargo_hs_code = $4, fee_exemption_code = NULL
            WHERE id = $1`,
          [d.id, original!.arrival_day, machines.grossWeightKg, machines.hsCode],
        );
        for (const table of ['exemption', 'rate', 'container', 'class']) {
          await t.sql.rows(`DELETE FROM fee_schedule_${table} WHERE schedule_id = 'TEST-2099'`);
        }
        await t.sql.rows(`DELETE FROM fee_schedule WHERE id = 'TEST-2099'`);
      }
    });
  });

  describe('amendment requests', () => {
    it('name the vehicle (reference and plate) beside the changes asked for, wherever they are answered', async () => {
      const d = await inYard({ cargo: machines });
      const driver = { fullName: 'Phạm Văn Đức', documentNumber: '020090005555', nationality: 'VN' };
      const asked = await t.request({
        method: 'PATCH',
        url: `/api/v1/declarations/${d.id}`,
        headers: { authorization: `Bearer ${company.apiKey}`, 'content-type': 'application/json' },
        payload: { driver },
      });
      expect(asked.statusCode).toBe(202);
      const vehicle = {
        declarationId: d.id,
        reference: d.reference,
        plate: d.vehicle.plate,
        plateDisplay: d.vehicle.plateDisplay,
      };
      expect(asked.json()).toMatchObject({ ...vehicle, status: 'pending', changes: { driver } });

      const pending = await get('/api/v1/gates/HUU_NGHI/amendment-requests', crew.supervisor);
      expect(pending.statusCode).toBe(200);
      expect(pending.json().find((r: any) => r.id === asked.json().id)).toEqual({
        id: asked.json().id,
        ...vehicle,
        status: 'pending',
        changes: { driver },
        requestedAt: expect.any(String),
        decidedAt: null,
        note: null,
      });

      const approved = await postAs(t, crew.supervisor, `/api/v1/amendment-requests/${asked.json().id}/decision`, {
        decision: 'approve',
      });
      expect(approved.json()).toMatchObject({ ...vehicle, status: 'approved' });
      const owned = (await getDeclaration(t, company.apiKey, d.id)).json();
      expect(owned.amendmentRequests).toEqual([expect.objectContaining({ ...vehicle, status: 'approved' })]);
    });
  });

  describe('gate codes in any letter case', () => {
    it.each(['huu_nghi', 'Huu_Nghi'])(
      '%s in a path: queue, claim, check-in and board answer HUU_NGHI',
      async (gate) => {
        const d = await accepted({ cargo: machines });
        const checkIn = await postAs(t, crew.yard, `/api/v1/gates/${gate}/check-ins`, { plate: d.vehicle.plate });
        expect(checkIn.statusCode).toBe(201);
        expect(checkIn.json()).toMatchObject({ reference: d.reference, status: 'in_yard' });

        expect((await queueRow('customs', d.id, gate)).gate).toBe('HUU_NGHI');
        const step = await claimFor('customs', d.id, gate);
        expect(step.gate).toBe('HUU_NGHI');
        expect((await pass(step, crew.customs)).statusCode).toBe(200);

        const board = await t.request({ method: 'GET', url: `/api/v1/gates/${gate}/board` });
        expect(board.statusCode).toBe(200);
        expect(board.json().gate).toBe('HUU_NGHI');
        const amendments = await get(`/api/v1/gates/${gate}/amendment-requests`, crew.supervisor);
        expect(amendments.statusCode).toBe(200);
      },
    );

    it.each(['huu_nghi', 'Huu_Nghi'])('%s in a body and a query is taken as HUU_NGHI', async (gate) => {
      const res = await submit(t, company.apiKey, declarationBody({ gate, cargo: machines }));
      expect(res.statusCode).toBe(202);
      expect(res.json().gate).toBe('HUU_NGHI');
      const stored = await t.sql.one<{ gate_code: string }>('SELECT gate_code FROM declaration WHERE id = $1', [
        res.json().id,
      ]);
      expect(stored).toEqual({ gate_code: 'HUU_NGHI' });

      const listed = await t.request({
        method: 'GET',
        url: `/api/v1/declarations?gate=${gate}&limit=100`,
        headers: { authorization: `Bearer ${company.apiKey}` },
      });
      expect(listed.statusCode).toBe(200);
      expect(listed.json().items.map((i: any) => i.id)).toContain(res.json().id);
      expect(new Set(listed.json().items.map((i: any) => i.gate))).toEqual(new Set(['HUU_NGHI']));

      const today = new Date().toISOString().slice(0, 10);
      const stats = await get(`/api/v1/stats/daily?gate=${gate}&from=${today}&to=${today}`, crew.supervisor);
      expect(stats.statusCode).toBe(200);
      expect(stats.json().gate).toBe('HUU_NGHI');
    });

    it('refuses a check-in at a closed gate however the gate is spelt', async () => {
      const supervisor = await officer(t, 'supervisor', ['TAN_THANH']);
      const yard = await officer(t, 'yard', ['TAN_THANH']);
      const closed = await postAs(t, supervisor, '/api/v1/gates/tan_thanh/close', { reason: 'Flooded access road' });
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({ code: 'TAN_THANH', open: false });
      try {
        for (const gate of ['tan_thanh', 'Tan_Thanh', 'TAN_THANH']) {
          const res = await postAs(t, yard, `/api/v1/gates/${gate}/check-ins`, { plate: '12C-123.45' });
          expect(expectError(res, 409, 'GATE.CLOSED').details).toMatchObject({ gate: 'TAN_THANH' });
        }
      } finally {
        expect((await postAs(t, supervisor, '/api/v1/gates/Tan_Thanh/open')).json()).toMatchObject({ open: true });
      }
    });

    it.each(['nowhere', 'huu-nghi', 'huu_nghı', 'HUU_NGHI ', ''])(
      'an unknown gate %j is still a 400 naming the field, and changes nothing',
      async (gate) => {
        const before = await t.sql.one<{ n: string }>('SELECT count(*) AS n FROM declaration');
        const body = declarationBody({ gate });
        const res = await submit(t, company.apiKey, body);
        expect(expectError(res, 400, 'REQUEST.VALIDATION_FAILED').details).toEqual([
          expect.objectContaining({ field: 'gate' }),
        ]);
        expect(await t.sql.one('SELECT count(*) AS n FROM declaration')).toEqual(before);

        const listed = await t.request({
          method: 'GET',
          url: `/api/v1/declarations?gate=${encodeURIComponent(gate)}`,
          headers: { authorization: `Bearer ${company.apiKey}` },
        });
        expect(expectError(listed, 400, 'REQUEST.VALIDATION_FAILED').details).toEqual([
          expect.objectContaining({ field: 'gate' }),
        ]);

        if (gate.trim() === gate && gate !== '') {
          for (const url of [
            `/api/v1/gates/${encodeURIComponent(gate)}/queues/customs`,
            `/api/v1/gates/${encodeURIComponent(gate)}/amendment-requests`,
          ]) {
            const who = url.includes('amendment') ? crew.supervisor : crew.customs;
            const inPath = await get(url, who);
            expect(expectError(inPath, 400, 'REQUEST.VALIDATION_FAILED').details).toEqual([
              expect.objectContaining({ field: 'gate' }),
            ]);
          }
        }
      },
    );
  });
});
