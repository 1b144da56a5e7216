import { settled, submit } from './support/api.js';
import { declarationBody, machines, uniqueTrailerPlate, uniqueVnPlate } from './support/factories.js';
import { postAs, startWithGateCrew, type AgencyName, type TestOfficer } from './support/officers.js';
import type { TestApp, TestCompany } from './support/test-app.js';

/** An agency's queue says what each vehicle does: its kind of trip, its leg of a handover, and its trailer. */
describe('the queue names the kind of trip', () => {
  let t: TestApp;
  let company: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;

  beforeAll(async () => ({ t, company, crew } = await startWithGateCrew('HUU_NGHI')));
  afterAll(() => t.close());

  /** Declared, accepted and checked in: its id and the agency whose queue it stands in first. */
  async function checkedIn(body: unknown): Promise<{ id: string; agency: AgencyName }> {
    const res = await submit(t, company.apiKey, body);
    expect(res.statusCode).toBe(202);
    const d = await settled(t, company.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    const checkIn = await postAs(t, crew.yard, '/api/v1/gates/HUU_NGHI/check-ins', { plate: d.vehicle.plate });
    expect(checkIn.statusCode).toBe(201);
    const ready = checkIn.json().steps.find((s: { readyAt: string | null }) => s.readyAt !== null);
    return { id: d.id as string, agency: ready.agency as AgencyName };
  }

  async function entryOf(truck: { id: string; agency: AgencyName }): Promise<unknown> {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/gates/HUU_NGHI/queues/${truck.agency}`,
      headers: crew[truck.agency].headers,
    });
    expect(res.statusCode).toBe(200);
    return res.json().items.find((i: { declarationId: string }) => i.declarationId === truck.id);
  }

  it('answers the kind, the handover leg and the trailer of every entry', async () => {
    const trailer = uniqueTrailerPlate();
    const swap = await checkedIn({
      ...declarationBody({
        cargo: machines,
        vehicle: { plate: uniqueVnPlate(), nationality: 'VN', trailerPlate: trailer.replace(/[-.]/g, '') },
      }),
      tripKind: 'tractor_swap',
      handover: { role: 'delivering' },
    });
    const through = await checkedIn(
      declarationBody({ cargo: machines, vehicle: { plate: uniqueVnPlate(), nationality: 'VN' } }),
    );
    expect(await entryOf(swap)).toMatchObject({
      tripKind: 'tractor_swap',
      handoverRole: 'delivering',
      trailerPlate: trailer,
    });
    expect(await entryOf(through)).toMatchObject({ tripKind: 'through', handoverRole: null, trailerPlate: null });
  });
});
