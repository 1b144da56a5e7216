import { getDeclaration, settled, submit } from './support/api.js';
import { expectError } from './support/errors.js';
import {
  declarationBody,
  idempotencyKey,
  machines,
  uniqueContainerNumber,
  uniqueTrailerPlate,
  uniqueVnPlate,
} from './support/factories.js';
import { startWithCompany, type TestApp, type TestCompany } from './support/test-app.js';

/** Declaring every kind of crossing: what is stored and answered, what is refused, and the lookup by any plate. */
describe('declaring every kind of trip', () => {
  let t: TestApp;
  let company: TestCompany;
  let other: TestCompany;

  beforeAll(async () => {
    ({ t, company } = await startWithCompany());
    other = await t.createCompany('Other hauliers');
  });
  afterAll(() => t.close());

  const cnDriver = { fullName: 'Li Wei', documentNumber: 'E12345678', nationality: 'CN' };

  function fieldsOf(res: { json(): any }): string[] {
    return (res.json().details as { field: string }[]).map((d) => d.field);
  }

  async function declared(apiKey: string, body: unknown): Promise<any> {
    const res = await submit(t, apiKey, body);
    expect(res.statusCode).toBe(202);
    return settled(t, apiKey, res.json().id);
  }

  it('takes a through trip as before, with the new fields at their defaults', async () => {
    const d = await declared(company.apiKey, declarationBody());
    expect(d).toMatchObject({ tripKind: 'through', handover: null, feeExemptionCode: null, status: 'accepted' });
    expect(d.vehicle).toMatchObject({
      containerNumber: 'CSQU3054383',
      containers: [{ number: 'CSQU3054383', sizeFeet: null }],
      tonnageKg: null,
      twoWayTransport: false,
    });
    expect(d.cargo.regime).toBe('standard');
  });

  it('stores two containers with their sizes, the tonnage, the regime and the two-way permit', async () => {
    const [first, second] = [uniqueContainerNumber(), uniqueContainerNumber()];
    const body = declarationBody({
      vehicle: {
        plate: uniqueVnPlate(),
        nationality: 'VN',
        trailerPlate: uniqueTrailerPlate(),
        containers: [
          { number: first.toLowerCase(), sizeFeet: 20 },
          { number: second, sizeFeet: 20 },
        ],
        tonnageKg: 25000,
        twoWayTransport: true,
      },
      cargo: { ...machines, regime: 're_export' },
    });
    const d = await declared(company.apiKey, { ...body, tripKind: 'delivery_and_return' });
    expect(d.tripKind).toBe('delivery_and_return');
    expect(d.vehicle).toMatchObject({
      containerNumber: first,
      containers: [
        { number: first, sizeFeet: 20 },
        { number: second, sizeFeet: 20 },
      ],
      tonnageKg: 25000,
      twoWayTransport: true,
    });
    expect(d.cargo.regime).toBe('re_export');
  });

  it('finds the vehicle publicly by its trailer plate and by either container, status only', async () => {
    const trailer = uniqueTrailerPlate();
    const [first, second] = [uniqueContainerNumber(), uniqueContainerNumber()];
    const plate = uniqueVnPlate();
    const body = declarationBody({
      vehicle: { plate, nationality: 'VN', trailerPlate: trailer, containers: [{ number: first }, { number: second }] },
    });
    await declared(company.apiKey, body);
    for (const key of [trailer, first, second.toLowerCase()]) {
      const res = await t.request({ method: 'GET', url: `/api/v1/vehicles/${encodeURIComponent(key)}/status` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ plateDisplay: plate, status: 'accepted' });
      expect(res.json()).not.toHaveProperty('driver');
    }
    const unknown = await t.request({ method: 'GET', url: `/api/v1/vehicles/${uniqueTrailerPlate()}/status` });
    expectError(unknown, 404, 'VEHICLE.NOT_FOUND');
  });

  it('takes a claimed fee exemption only when the schedule in force lists it', async () => {
    const refused = await submit(t, company.apiKey, { ...declarationBody(), feeExemptionCode: 'FRIENDS_OF_THE_GATE' });
    expectError(refused, 400, 'REQUEST.VALIDATION_FAILED');
    expect(fieldsOf(refused)).toEqual(['feeExemptionCode']);
    const [listed] = await t.sql.rows<{ code: string }>('SELECT code FROM fee_schedule_exemption LIMIT 1');
    const d = await declared(company.apiKey, { ...declarationBody(), feeExemptionCode: listed.code });
    expect(d.feeExemptionCode).toBe(listed.code);
  });

  it('declares an empty truck only without goods', async () => {
    const refused = await submit(t, company.apiKey, { ...declarationBody({ cargo: machines }), tripKind: 'empty' });
    expectError(refused, 400, 'REQUEST.VALIDATION_FAILED');
    expect(fieldsOf(refused)).toEqual(['cargo.grossWeightKg']);
    const d = await declared(company.apiKey, {
      ...declarationBody({ cargo: { description: 'No cargo', grossWeightKg: 0, perishable: false } }),
      tripKind: 'empty',
    });
    expect(d).toMatchObject({ tripKind: 'empty', status: 'accepted' });
  });

  describe('a transshipment: two vehicles, linked', () => {
    it('links the receiving vehicle to the delivering one both ways, across companies', async () => {
      const delivering = await declared(company.apiKey, {
        ...declarationBody({
          direction: 'import',
          vehicle: {
            plate: '桂F·A' + String(10000 + Math.floor(Math.random() * 89999)).slice(0, 4),
            nationality: 'CN',
          },
          driver: cnDriver,
          cargo: machines,
        }),
        tripKind: 'transshipment',
        handover: { role: 'delivering' },
      });
      expect(delivering.handover).toEqual({ role: 'delivering', linkedDeclarationId: null });

      const receiving = await declared(other.apiKey, {
        ...declarationBody({ direction: 'import', cargo: machines }),
        tripKind: 'transshipment',
        handover: { role: 'receiving', linkedDeclarationId: delivering.id.toUpperCase() },
      });
      expect(receiving.handover).toEqual({ role: 'receiving', linkedDeclarationId: delivering.id });
      const after = (await getDeclaration(t, company.apiKey, delivering.id)).json();
      expect(after.handover).toEqual({ role: 'delivering', linkedDeclarationId: receiving.id });

      // Taken over once: a second receiving vehicle is refused, and nothing is stored for it.
      const before = await t.sql.one<{ n: number }>('SELECT count(*)::int AS n FROM declaration');
      const second = await submit(t, company.apiKey, {
        ...declarationBody({ direction: 'import', cargo: machines }),
        tripKind: 'transshipment',
        handover: { role: 'receiving', linkedDeclarationId: delivering.id },
      });
      expectError(second, 400, 'REQUEST.VALIDATION_FAILED');
      expect(fieldsOf(second)).toEqual(['handover.linkedDeclarationId']);
      expect((await t.sql.one<{ n: number }>('SELECT count(*)::int AS n FROM declaration'))!.n).toBe(before!.n);
    });

    it('replays a receiving submission under its key instead of calling the link taken', async () => {
      const delivering = await declared(company.apiKey, {
        ...declarationBody({ direction: 'import', cargo: machines }),
        tripKind: 'transshipment',
        handover: { role: 'delivering' },
      });
      const key = idempotencyKey();
      const body = {
        ...declarationBody({ direction: 'import', cargo: machines }),
        tripKind: 'transshipment',
        handover: { role: 'receiving', linkedDeclarationId: delivering.id },
      };
      const first = await submit(t, company.apiKey, body, key);
      const again = await submit(t, company.apiKey, body, key);
      expect(first.statusCode).toBe(202);
      expect(again.statusCode).toBe(202);
      expect(again.json().id).toBe(first.json().id);
    });

    it('refuses links that are not a delivering leg of the same trip, gate and direction', async () => {
      const through = await declared(company.apiKey, declarationBody({ direction: 'import', cargo: machines }));
      const delivering = await declared(company.apiKey, {
        ...declarationBody({ direction: 'import', cargo: machines }),
        tripKind: 'transshipment',
        handover: { role: 'delivering' },
      });
      const receiving = (linkedDeclarationId: string, overrides = {}) => ({
        ...declarationBody({ direction: 'import', cargo: machines }),
        tripKind: 'transshipment',
        handover: { role: 'receiving', linkedDeclarationId },
        ...overrides,
      });
      const cases = [
        receiving(through.id),
        receiving('00000000-0000-4000-8000-000000000000'),
        receiving(delivering.id, { direction: 'export' }),
        receiving(delivering.id, { gate: 'TAN_THANH' }),
        { ...receiving(delivering.id), tripKind: 'tractor_swap' },
      ];
      for (const body of cases) {
        const res = await submit(t, company.apiKey, body);
        expectError(res, 400, 'REQUEST.VALIDATION_FAILED');
        expect(fieldsOf(res)).toEqual(['handover.linkedDeclarationId']);
      }
    });
  });

  it('swaps a tractor only under the same trailer', async () => {
    const trailer = uniqueTrailerPlate();
    const delivering = await declared(company.apiKey, {
      ...declarationBody({ vehicle: { plate: uniqueVnPlate(), nationality: 'VN', trailerPlate: trailer } }),
      tripKind: 'tractor_swap',
      handover: { role: 'delivering' },
    });
    const swap = (trailerPlate?: string) => ({
      ...declarationBody({ vehicle: { plate: uniqueVnPlate(), nationality: 'VN', trailerPlate } }),
      tripKind: 'tractor_swap',
      handover: { role: 'receiving', linkedDeclarationId: delivering.id },
    });
    const noTrailer = await submit(t, company.apiKey, swap());
    expect(fieldsOf(noTrailer)).toEqual(['vehicle.trailerPlate']);
    const otherTrailer = await submit(t, company.apiKey, swap(uniqueTrailerPlate()));
    expectError(otherTrailer, 400, 'REQUEST.VALIDATION_FAILED');
    expect(fieldsOf(otherTrailer)).toEqual(['vehicle.trailerPlate']);
    const receiving = await declared(company.apiKey, swap(trailer));
    expect(receiving.handover).toEqual({ role: 'receiving', linkedDeclarationId: delivering.id });
    // The trailer is found on the tractor taking it on.
    const lookup = await t.request({ method: 'GET', url: `/api/v1/vehicles/${encodeURIComponent(trailer)}/status` });
    expect(lookup.json().plate).toBe(receiving.vehicle.plate);
  });

  it('names the field of every other mistake', async () => {
    const container = uniqueContainerNumber();
    const cases: [Record<string, unknown>, string][] = [
      [{ tripKind: 'ferry' }, 'tripKind'],
      [{ tripKind: 'transshipment' }, 'handover'],
      [{ handover: { role: 'delivering' } }, 'handover'],
      [{ tripKind: 'transshipment', handover: { role: 'sideways' } }, 'handover.role'],
      [{ tripKind: 'transshipment', handover: { role: 'receiving' } }, 'handover.linkedDeclarationId'],
      [
        { tripKind: 'transshipment', handover: { role: 'receiving', linkedDeclarationId: 'HN-20261207-00001' } },
        'handover.linkedDeclarationId',
      ],
      [{ feeExemptionCode: 'lower case' }, 'feeExemptionCode'],
      [{ vehicle: { plate: uniqueVnPlate(), nationality: 'VN', tonnageKg: 0 } }, 'vehicle.tonnageKg'],
      [{ vehicle: { plate: uniqueVnPlate(), nationality: 'VN', twoWayTransport: 'yes' } }, 'vehicle.twoWayTransport'],
      [
        { vehicle: { plate: uniqueVnPlate(), nationality: 'VN', containers: [{ number: container, sizeFeet: 30 }] } },
        'vehicle.containers.0.sizeFeet',
      ],
      [
        {
          vehicle: {
            plate: uniqueVnPlate(),
            nationality: 'VN',
            containers: [
              { number: container },
              { number: uniqueContainerNumber() },
              { number: uniqueContainerNumber() },
            ],
          },
        },
        'vehicle.containers',
      ],
      [
        {
          vehicle: {
            plate: uniqueVnPlate(),
            nationality: 'VN',
            containers: [{ number: container }, { number: container }],
          },
        },
        'vehicle.containers',
      ],
      [
        {
          vehicle: {
            plate: uniqueVnPlate(),
            nationality: 'VN',
            containerNumber: container,
            containers: [{ number: container }],
          },
        },
        'vehicle.containers',
      ],
      [
        { vehicle: { plate: uniqueVnPlate(), nationality: 'VN', containers: [{ number: 'CSQU3054384' }] } },
        'vehicle.containers.0.number',
      ],
      [{ cargo: { ...machines, regime: 'smuggled' } }, 'cargo.regime'],
    ];
    const before = await t.sql.one<{ n: number }>('SELECT count(*)::int AS n FROM declaration');
    for (const [overrides, field] of cases) {
      const res = await submit(t, company.apiKey, { ...declarationBody(), ...overrides });
      expect({ field, status: res.statusCode }).toEqual({ field, status: 400 });
      expect(fieldsOf(res)).toContain(field);
    }
    expect((await t.sql.one<{ n: number }>('SELECT count(*)::int AS n FROM declaration'))!.n).toBe(before!.n);
  });

  it('replaces the containers when the vehicle is amended before arrival', async () => {
    const d = await declared(company.apiKey, declarationBody());
    const container = uniqueContainerNumber();
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/declarations/${d.id}`,
      headers: { authorization: `Bearer ${company.apiKey}`, 'idempotency-key': idempotencyKey() },
      payload: {
        vehicle: {
          plate: d.vehicle.plate,
          nationality: 'VN',
          containers: [{ number: container, sizeFeet: 40 }],
          tonnageKg: 9000,
        },
      },
    });
    expect(res.statusCode).toBe(200);
    const amended = (await getDeclaration(t, company.apiKey, d.id)).json();
    expect(amended.vehicle).toMatchObject({
      containerNumber: container,
      containers: [{ number: container, sizeFeet: 40 }],
      tonnageKg: 9000,
    });
    const stored = await t.sql.rows('SELECT container_number FROM declaration_container WHERE declaration_id = $1', [
      d.id,
    ]);
    expect(stored).toEqual([{ container_number: container }]);
  });
});
