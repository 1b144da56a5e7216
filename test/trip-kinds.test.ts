import { readFileSync } from 'node:fs';
import { getDeclaration, settled, submit } from './support/api.js';
import { declarationBody, uniqueContainerNumber, uniqueTrailerPlate, uniqueVnPlate } from './support/factories.js';
import { claimStepOf, postAs, startWithGateCrew, type AgencyName, type TestOfficer } from './support/officers.js';
import type { TestApp, TestCompany } from './support/test-app.js';

/** The worked examples of docs/fees.md, by id: the fee each kind of trip must be charged. */
function workedExamples(): Map<string, { regime: string; feeVnd: number }> {
  const doc = readFileSync('docs/fees.md', 'utf8');
  const examples = new Map<string, { regime: string; feeVnd: number }>();
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | id | trip | leg | direction | vehicle | goods | regime | fee VND |
    if (cells.length !== 10 || !/^[a-z-]+$/.test(cells[1]) || !/^[\d,]+$/.test(cells[8])) continue;
    examples.set(cells[1], { regime: cells[7], feeVnd: Number(cells[8].replace(/,/g, '')) });
  }
  return examples;
}

const GATE = 'HUU_NGHI';
const cnDriver = { fullName: 'Li Wei', documentNumber: 'E12345678', nationality: 'CN' };
const vegetables = { description: 'Fresh cabbages', hsCode: '07049010', grossWeightKg: 1800, perishable: true };
const durians = { description: 'Fresh durians', hsCode: '08106000', grossWeightKg: 25000, perishable: true };
const machinery = { description: 'Excavator parts', hsCode: '84312090', grossWeightKg: 11000, perishable: false };
const steel = { description: 'Steel frames', hsCode: '73089099', grossWeightKg: 3500, perishable: false };
const nothing = { description: 'No cargo', grossWeightKg: 0, perishable: false };

function cnPlate(): string {
  return `桂F·${'ABCDE'[Math.floor(Math.random() * 5)]}${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
}

/** Every kind of crossing, end to end through the API: declared, routed, cleared, charged as docs/fees.md says, let out. */
describe('every kind of trip, end to end', () => {
  let t: TestApp;
  let company: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;
  const examples = workedExamples();

  beforeAll(async () => ({ t, company, crew } = await startWithGateCrew(GATE)));
  afterAll(() => t.close());

  function example(id: string): { regime: string; feeVnd: number } {
    const found = examples.get(id);
    if (!found) throw new Error(`docs/fees.md has no worked example "${id}"`);
    return found;
  }

  const get = (url: string, who: TestOfficer) => t.request({ method: 'GET', url, headers: who.headers });
  const owner = (id: string) => getDeclaration(t, company.apiKey, id).then((r) => r.json());

  async function accepted(body: object): Promise<any> {
    const res = await submit(t, company.apiKey, body);
    expect({ status: res.statusCode, body: res.statusCode === 202 ? '' : res.body }).toEqual({ status: 202, body: '' });
    const d = await settled(t, company.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    return d;
  }

  const pass = (step: { id: string }, agency: AgencyName, paymentReference: string) =>
    postAs(t, crew[agency], `/api/v1/steps/${step.id}/decision`, {
      decision: 'pass',
      ...(agency === 'yard' ? { paymentReference } : {}),
    });

  const claimFor = (agency: AgencyName, declarationId: string) => claimStepOf(t, crew[agency], GATE, declarationId);

  /**
   * Checks the vehicle in, and passes each step as its stage opens until the declaration is cleared; the fee step
   * is checked against the quote shown to the yard first. Returns the agencies of its steps and the recorded fee.
   */
  async function clear(d: any, receipt: string): Promise<{ agencies: string[]; feeVnd: number; quoteVnd: number }> {
    const checkIn = await postAs(t, crew.border_guard, `/api/v1/gates/${GATE}/check-ins`, { plate: d.vehicle.plate });
    expect(checkIn.statusCode).toBe(201);
    const agencies = checkIn.json().steps.map((s: any) => s.agency as string);
    let feeVnd = -1;
    let quoteVnd = -1;
    for (let round = 0; round < 5; round += 1) {
      const seen = await owner(d.id);
      if (seen.status === 'cleared') break;
      const open = seen.steps.filter((s: any) => s.status === 'waiting' && s.readyAt !== null);
      expect(open.length).toBeGreaterThan(0);
      for (const s of open) {
        const step = await claimFor(s.agency, d.id);
        if (s.agency === 'yard') quoteVnd = step.feeQuote.amount;
        const decided = await pass(step, s.agency, receipt);
        expect(decided.statusCode).toBe(200);
        if (s.agency === 'yard') feeVnd = decided.json().step.feeAmountVnd;
      }
    }
    expect((await owner(d.id)).status).toBe('cleared');
    return { agencies: [...agencies].sort(), feeVnd, quoteVnd };
  }

  async function exit(d: any): Promise<any> {
    const res = await postAs(t, crew.border_guard, `/api/v1/gates/${GATE}/exits`, { plate: d.vehicle.plate });
    expect({ status: res.statusCode, body: res.statusCode === 200 ? '' : res.body }).toEqual({ status: 200, body: '' });
    return res.json();
  }

  /** The declaration's quote as its company sees it before the truck arrives, and as the fee is recorded. */
  function expectCharged(d: any, id: string, cleared: { feeVnd: number; quoteVnd: number }): void {
    const { feeVnd } = example(id);
    expect({ id, declared: d.feeQuote.amount, shown: cleared.quoteVnd, recorded: cleared.feeVnd }).toEqual({
      id,
      declared: feeVnd,
      shown: feeVnd,
      recorded: feeVnd,
    });
  }

  it('through: a small farm export, customs with quarantine, out to China', async () => {
    const d = await accepted(declarationBody({ cargo: vegetables }));
    const cleared = await clear(d, 'E-RCPT-1');
    expect(cleared.agencies).toEqual(['border_guard', 'customs', 'quarantine', 'yard']);
    expectCharged(d, 'through-farm-export', cleared);
    expect((await exit(d)).destination).toBe('CN');
  });

  it('through: a 40-ft container of re-exported farm goods pays the heaviest class', async () => {
    const d = await accepted({
      ...declarationBody({
        vehicle: {
          plate: uniqueVnPlate(),
          nationality: 'VN',
          trailerPlate: uniqueTrailerPlate(),
          containers: [{ number: uniqueContainerNumber(), sizeFeet: 40 }],
        },
        cargo: { ...durians, regime: 're_export' },
      }),
    });
    const cleared = await clear(d, 'E-RCPT-2');
    expectCharged(d, 'through-container-reexport', cleared);
    expect((await exit(d)).destination).toBe('CN');
  });

  it('through: an import into the domestic market pays 130%', async () => {
    const d = await accepted(
      declarationBody({
        direction: 'import',
        vehicle: { plate: cnPlate(), nationality: 'CN', tonnageKg: 12000 },
        driver: cnDriver,
        cargo: machinery,
      }),
    );
    const cleared = await clear(d, 'E-RCPT-3');
    expect(cleared.agencies).toEqual(['border_guard', 'customs', 'yard']);
    expectCharged(d, 'through-general-import', cleared);
    expect((await exit(d)).destination).toBe('VN_INLAND');
  });

  it('empty: a lighter routing, the empty rate', async () => {
    const d = await accepted({
      ...declarationBody({
        direction: 'import',
        vehicle: { plate: uniqueVnPlate(), nationality: 'VN', tonnageKg: 15000 },
        cargo: nothing,
      }),
      tripKind: 'empty',
    });
    const cleared = await clear(d, 'E-RCPT-4');
    expect(cleared.agencies).toEqual(['border_guard', 'yard']);
    expectCharged(d, 'empty-return', cleared);
    expect((await exit(d)).destination).toBe('VN_INLAND');
  });

  it('transshipment: the goods move from a Chinese truck to a Vietnamese one; each has its steps, fee and exit', async () => {
    const delivering = await accepted({
      ...declarationBody({
        direction: 'import',
        vehicle: { plate: cnPlate(), nationality: 'CN', tonnageKg: 30000 },
        driver: cnDriver,
        cargo: durians,
      }),
      tripKind: 'transshipment',
      handover: { role: 'delivering' },
    });
    const receiving = await accepted({
      ...declarationBody({
        direction: 'import',
        vehicle: { plate: uniqueVnPlate(), nationality: 'VN', tonnageKg: 8000 },
        cargo: durians,
      }),
      tripKind: 'transshipment',
      handover: { role: 'receiving', linkedDeclarationId: delivering.id },
    });
    const deliveringCleared = await clear(delivering, 'E-RCPT-5');
    expect(deliveringCleared.agencies).toEqual(['border_guard', 'customs', 'quarantine', 'yard']);
    expectCharged(delivering, 'transshipment-delivering', deliveringCleared);
    const receivingCleared = await clear(receiving, 'E-RCPT-6');
    expect(receivingCleared.agencies).toEqual(['border_guard', 'customs', 'yard']);
    expectCharged(receiving, 'transshipment-receiving', receivingCleared);

    expect((await exit(receiving)).destination).toBe('VN_INLAND');
    // The Chinese truck goes back where it came from.
    expect((await exit(delivering)).destination).toBe('CN');
    for (const d of [delivering, receiving]) {
      const lookup = await t.request({
        method: 'GET',
        url: `/api/v1/vehicles/${encodeURIComponent(d.vehicle.plate)}/status`,
      });
      expect(lookup.json().status).toBe('exited');
    }
  });

  it('transshipment: the receiving truck may not leave before the goods were handed over', async () => {
    const delivering = await accepted({
      ...declarationBody({
        direction: 'import',
        vehicle: { plate: cnPlate(), nationality: 'CN' },
        driver: cnDriver,
        cargo: machinery,
      }),
      tripKind: 'transshipment',
      handover: { role: 'delivering' },
    });
    const receiving = await accepted({
      ...declarationBody({ direction: 'import', cargo: machinery }),
      tripKind: 'transshipment',
      handover: { role: 'receiving', linkedDeclarationId: delivering.id },
    });
    await clear(receiving, 'E-RCPT-7');
    const early = await postAs(t, crew.border_guard, `/api/v1/gates/${GATE}/exits`, { plate: receiving.vehicle.plate });
    expect(early.statusCode).toBe(409);
    expect(JSON.stringify(early.json())).toContain(delivering.reference);
    expect((await owner(receiving.id)).status).toBe('cleared');
  });

  it('tractor swap: the trailer stays, the tractors change, the trailer is found on the one taking it on', async () => {
    const trailer = uniqueTrailerPlate();
    const vehicle = (plate: string) => ({
      plate,
      nationality: 'VN',
      trailerPlate: trailer,
      tonnageKg: 20000,
      containers: [{ number: uniqueContainerNumber(), sizeFeet: 20 }],
    });
    const delivering = await accepted({
      ...declarationBody({ vehicle: vehicle(uniqueVnPlate()), cargo: machinery }),
      tripKind: 'tractor_swap',
      handover: { role: 'delivering' },
    });
    const receiving = await accepted({
      ...declarationBody({ vehicle: vehicle(uniqueVnPlate()), cargo: machinery }),
      tripKind: 'tractor_swap',
      handover: { role: 'receiving', linkedDeclarationId: delivering.id },
    });
    const deliveringCleared = await clear(delivering, 'E-RCPT-8');
    expect(deliveringCleared.agencies).toEqual(['border_guard', 'customs', 'yard']);
    expectCharged(delivering, 'tractor-swap-delivering', deliveringCleared);
    const receivingCleared = await clear(receiving, 'E-RCPT-9');
    expect(receivingCleared.agencies).toEqual(['border_guard', 'yard']);
    expectCharged(receiving, 'tractor-swap-receiving', receivingCleared);

    expect((await exit(delivering)).destination).toBe('VN_INLAND');
    const lookup = await t.request({ method: 'GET', url: `/api/v1/vehicles/${encodeURIComponent(trailer)}/status` });
    expect(lookup.json()).toMatchObject({ plate: receiving.vehicle.plate, status: 'cleared' });
    expect((await exit(receiving)).destination).toBe('CN');
  });

  it('delivery and return: out to China with a 24-hour deadline, closed by its return check-in', async () => {
    const d = await accepted({
      ...declarationBody({
        vehicle: { plate: uniqueVnPlate(), nationality: 'VN', tonnageKg: 4000 },
        cargo: { ...steel, regime: 'temporary_import' },
      }),
      tripKind: 'delivery_and_return',
    });
    const cleared = await clear(d, 'E-RCPT-10');
    expectCharged(d, 'delivery-and-return', cleared);
    const out = await exit(d);
    expect(out.destination).toBe('CN');

    const awaiting = (await get(`/api/v1/gates/${GATE}/returns?state=awaiting`, crew.supervisor)).json();
    const mine = awaiting.items.find((r: any) => r.reference === d.reference);
    expect(mine).toBeDefined();
    const exitedAt = new Date((await owner(d.id)).exitedAt).getTime();
    expect(new Date(mine.dueAt).getTime() - exitedAt).toBeGreaterThanOrEqual(24 * 3_600_000 - 1_000);
    expect(new Date(mine.dueAt).getTime() - exitedAt).toBeLessThanOrEqual(24 * 3_600_000 + 1_000);

    const back = await postAs(t, crew.border_guard, `/api/v1/gates/${GATE}/returns`, { plate: d.vehicle.plate });
    expect(back.statusCode).toBeLessThan(300);
    const after = (await get(`/api/v1/gates/${GATE}/returns?state=awaiting`, crew.supervisor)).json();
    expect(after.items.find((r: any) => r.reference === d.reference)).toBeUndefined();
  });

  it('an exemption listed in the schedule: nothing to pay, still a receipt', async () => {
    const { regime } = example('exempt');
    const code = /[A-Z][A-Z0-9_]{2,}/.exec(regime)?.[0];
    expect(code).toBeDefined();
    const d = await accepted({
      ...declarationBody({ vehicle: { plate: uniqueVnPlate(), nationality: 'VN', tonnageKg: 4000 }, cargo: steel }),
      feeExemptionCode: code,
    });
    expect(d.feeExemptionCode).toBe(code);
    const cleared = await clear(d, 'E-RCPT-11');
    expectCharged(d, 'exempt', cleared);
    const feeStep = (await owner(d.id)).steps.find((s: any) => s.agency === 'yard');
    expect(feeStep).toMatchObject({
      feeAmountVnd: 0,
      feeExemptionCode: code,
      feeScheduleId: d.feeQuote.basis.scheduleId,
      feeBaseVnd: d.feeQuote.basis.baseAmount,
      feePercent: 100,
      feeGoodsCategory: 'general',
      paymentReference: 'E-RCPT-11',
    });
    expect((await exit(d)).destination).toBe('CN');
  });
});
