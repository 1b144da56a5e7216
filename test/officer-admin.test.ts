import { createLogger } from '../src/common/logging/logger.js';
import { settled, submit } from './support/api.js';
import { expectError } from './support/errors.js';
import { declarationBody, machines } from './support/factories.js';
import { gateCrew, officer, postAs, type AgencyName, type TestOfficer } from './support/officers.js';
import { emptyQueues } from './support/queues.js';
import { startTestApp, type TestApp, type TestCompany } from './support/test-app.js';

const GATE = 'TAN_THANH';

// What officers read of a declaration at the barrier, and how the supervisors of a gate manage its officers.
describe('officer administration and the officers’ view of a declaration', () => {
  const logLines: string[] = [];
  let t: TestApp;
  let company: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;

  beforeAll(async () => {
    // The production logger (JSON, redaction) writing into this array: what must never be logged is looked for here.
    const logger = createLogger('debug', { write: (line: string) => void logLines.push(line) });
    t = await startTestApp({ LOG_LEVEL: 'debug' }, logger);
    company = await t.createCompany();
    crew = await gateCrew(t, GATE);
  });
  afterAll(async () => {
    await emptyQueues(t, GATE, crew, 'cleared away by officer-admin.test');
    await t.close();
  });

  const get = (url: string, who: TestOfficer | null, headers: Record<string, string> = {}) =>
    t.request({ method: 'GET', url, headers: { ...(who ? who.headers : {}), ...headers } });

  async function accepted(gate = GATE): Promise<any> {
    const res = await submit(
      t,
      company.apiKey,
      declarationBody({
        gate,
        cargo: { ...machines, customsDeclarationNumber: '305123456789' },
        driver: { fullName: 'Trần Thị Bình', documentNumber: '020090007777', nationality: 'VN', phone: '+84912000777' },
      }),
    );
    expect(res.statusCode).toBe(202);
    const d = await settled(t, company.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    return d;
  }

  /** Claims from an agency's queue until it reaches this declaration's step, refusing other trucks. */
  async function claimFor(agency: AgencyName, declarationId: string): Promise<any> {
    for (;;) {
      const res = await postAs(t, crew[agency], `/api/v1/gates/${GATE}/queues/${agency}/claim`);
      expect(res.statusCode).toBe(200);
      const step = res.json();
      if (step.declarationId === declarationId) return step;
      const other = await postAs(t, crew[agency], `/api/v1/steps/${step.id}/decision`, {
        decision: 'refuse',
        note: 'not this test’s truck',
      });
      expect(other.statusCode).toBe(200);
    }
  }

  describe('GET /gates/:gate/declarations/:id', () => {
    it('gives any officer posted at the gate the declaration in full, before arrival', async () => {
      const d = await accepted();
      for (const agency of ['customs', 'border_guard', 'quarantine', 'yard', 'supervisor'] as const) {
        const res = await get(`/api/v1/gates/${GATE}/declarations/${d.id}`, crew[agency]);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({
          id: d.id,
          reference: d.reference,
          status: 'accepted',
          version: d.version,
          gate: GATE,
          direction: 'export',
          expectedArrivalAt: d.expectedArrivalAt,
          arrivedAt: null,
          exitedAt: null,
          vehicle: d.vehicle,
          driver: {
            fullName: 'Trần Thị Bình',
            documentNumber: '020090007777',
            documentKind: 'vn_citizen_id',
            nationality: 'VN',
            phone: '+84912000777',
          },
          cargo: {
            description: machines.description,
            hsCode: machines.hsCode,
            grossWeightKg: machines.grossWeightKg,
            perishable: false,
            customsDeclarationNumber: '305123456789',
            quarantineRequired: false,
          },
          steps: [],
          timeline: d.timeline,
        });
      }
      expect(d.vehicle.plateDisplay).toMatch(/-/);
      expect(d.vehicle.trailerPlate).not.toBeNull();
      expect(d.vehicle.containerNumber).not.toBeNull();
    });

    it('shows the steps in the yard with who claimed and who decided each, and when', async () => {
      const d = await accepted();
      const checkIn = await postAs(t, crew.yard, `/api/v1/gates/${GATE}/check-ins`, { plate: d.vehicle.plate });
      expect(checkIn.statusCode).toBe(201);
      const step = await claimFor('customs', d.id);
      const claimed = (await get(`/api/v1/gates/${GATE}/declarations/${d.id}`, crew.border_guard)).json();
      expect(claimed.status).toBe('in_yard');
      expect(claimed.arrivedAt).toEqual(expect.any(String));
      expect(claimed.steps.find((s: any) => s.agency === 'customs')).toMatchObject({
        id: step.id,
        status: 'claimed',
        claimedBy: { id: crew.customs.id, username: crew.customs.username },
        decidedBy: null,
        decidedAt: null,
      });

      const decided = await postAs(t, crew.customs, `/api/v1/steps/${step.id}/decision`, {
        decision: 'pass',
        note: 'Seals intact',
      });
      expect(decided.statusCode).toBe(200);
      const res = await get(`/api/v1/gates/${GATE.toLowerCase()}/declarations/${d.id.toUpperCase()}`, crew.yard);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.steps.map((s: any) => s.agency)).toEqual(['customs', 'border_guard', 'yard']);
      expect(body.steps[0]).toMatchObject({
        agency: 'customs',
        kind: 'inspection',
        status: 'passed',
        note: 'Seals intact',
        decidedBy: { id: crew.customs.id, username: crew.customs.username },
        decidedAt: expect.any(String),
      });
      expect(body.steps[1]).toMatchObject({ agency: 'border_guard', status: 'waiting', decidedBy: null });
      expect(body.timeline.map((e: any) => e.status)).toEqual(['submitted', 'accepted', 'in_yard']);
    });

    it('answers 404 for a declaration of another gate, an unknown id or a malformed one', async () => {
      const elsewhere = await accepted('HUU_NGHI');
      const bothGates = await officer(t, 'customs', ['HUU_NGHI', GATE]);
      for (const id of [elsewhere.id, '7d3c52f4-6a3e-4c43-9b0e-2f4a4b0c8a11', 'not-a-uuid']) {
        const res = await get(`/api/v1/gates/${GATE}/declarations/${id}`, bothGates);
        expect(expectError(res, 404, 'DECLARATION.NOT_FOUND').message).toContain('check the id and the gate');
      }
      expect((await get(`/api/v1/gates/HUU_NGHI/declarations/${elsewhere.id}`, bothGates)).statusCode).toBe(200);
    });

    it('refuses officers not posted at the gate, companies, and requests without a token', async () => {
      const d = await accepted();
      const url = `/api/v1/gates/${GATE}/declarations/${d.id}`;
      const elsewhere = await officer(t, 'supervisor', ['HUU_NGHI']);
      expect(expectError(await get(url, elsewhere), 403, 'AUTH.FORBIDDEN').details).toEqual({ gate: GATE });
      expectError(await get(url, null, { authorization: `Bearer ${company.apiKey}` }), 403, 'AUTH.WRONG_PRINCIPAL');
      expectError(await get(url, null), 401, 'AUTH.TOKEN_MISSING');
      expectError(
        await get(`/api/v1/gates/NOWHERE/declarations/${d.id}`, crew.customs),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
    });

    it('answers in the language asked for', async () => {
      const res = await get(`/api/v1/gates/${GATE}/declarations/7d3c52f4-6a3e-4c43-9b0e-2f4a4b0c8a11`, crew.customs, {
        'accept-language': 'vi',
      });
      expect(expectError(res, 404, 'DECLARATION.NOT_FOUND').message).toBe(
        'Không có tờ khai này tại Cửa khẩu Tân Thanh; hãy kiểm tra mã và cửa khẩu',
      );
    });

    it('never writes the driver’s document number or phone to the logs', () => {
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.filter((line) => line.includes('020090007777') || line.includes('912000777'))).toEqual([]);
    });
  });
});
