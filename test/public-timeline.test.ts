import { settled, submit } from './support/api.js';
import { declarationBody } from './support/factories.js';
import { officer, type TestOfficer } from './support/officers.js';
import { startWithCompany, type TestApp, type TestCompany } from './support/test-app.js';

// declaration.timeline is a projection of the audit log kept by transition() in the same statement as the
// status move; the public lookup and the company's GET read it instead of the audit log. It must never drift.

const AUDIT_TIMELINE = `
SELECT coalesce(jsonb_agg(jsonb_build_object('status', to_status,
         'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY id), '[]') AS timeline
  FROM declaration_event WHERE declaration_id = $1 AND action = 'transition'`;

describe('public timeline', () => {
  let t: TestApp;
  let company: TestCompany;
  let yard: TestOfficer;

  beforeAll(async () => {
    ({ t, company } = await startWithCompany());
    yard = await officer(t, 'yard');
  });

  afterAll(() => t?.close());

  async function columnAndAudit(id: string): Promise<{ column: unknown; audit: unknown }> {
    const column = await t.sql.one<{ timeline: unknown }>('SELECT timeline FROM declaration WHERE id = $1', [id]);
    const audit = await t.sql.one<{ timeline: unknown }>(AUDIT_TIMELINE, [id]);
    return { column: column?.timeline, audit: audit?.timeline };
  }

  it('follows every move of a declaration exactly as the audit log records it, to the millisecond', async () => {
    const body = declarationBody();
    const { id } = (await submit(t, company.apiKey, body)).json();
    expect(await columnAndAudit(id)).toEqual({ column: [expect.anything()], audit: [expect.anything()] });
    expect((await settled(t, company.apiKey, id)).status).toBe('accepted');
    const checkIn = await t.request({
      method: 'POST',
      url: '/api/v1/gates/HUU_NGHI/check-ins',
      headers: yard.headers,
      payload: { plate: body.vehicle.plate as string },
    });
    expect(checkIn.statusCode).toBe(201);

    const { column, audit } = await columnAndAudit(id);
    expect((column as { status: string }[]).map((e) => e.status)).toEqual(['submitted', 'accepted', 'in_yard']);
    expect(column).toEqual(audit);

    // What the company and the public are shown is that timeline.
    const own = await t.request({
      method: 'GET',
      url: `/api/v1/declarations/${id}`,
      headers: { authorization: `Bearer ${company.apiKey}` },
    });
    expect(own.statusCode).toBe(200);

    expect(own.json().timeline).toEqual(column);
    const plate = own.json().vehicle.plate as string;
    const lookup = await t.request({ method: 'GET', url: `/api/v1/vehicles/${plate}/status` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json().timeline).toEqual(column);
  });

  it('records a cancellation like any other move', async () => {
    const { id } = (await submit(t, company.apiKey, declarationBody())).json();
    await settled(t, company.apiKey, id);
    const cancel = await t.request({
      method: 'POST',
      url: `/api/v1/declarations/${id}/cancel`,
      headers: { authorization: `Bearer ${company.apiKey}` },
      payload: {},
    });
    expect(cancel.statusCode).toBe(200);
    const { column, audit } = await columnAndAudit(id);
    expect((column as { status: string }[]).map((e) => e.status)).toEqual(['submitted', 'accepted', 'cancelled']);
    expect(column).toEqual(audit);
  });

  it('agrees with the audit log for every declaration in the database, whatever other suites did to them', async () => {
    const drift = await t.sql.rows<{ id: string }>(
      `SELECT d.id FROM declaration d
        WHERE d.timeline IS DISTINCT FROM (
          SELECT coalesce(jsonb_agg(jsonb_build_object('status', e.to_status,
                   'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY e.id), '[]')
            FROM declaration_event e WHERE e.declaration_id = d.id AND e.action = 'transition')`,
    );
    expect(drift).toEqual([]);
    expect(Number((await t.sql.one<{ n: string }>('SELECT count(*) AS n FROM declaration'))!.n)).toBeGreaterThan(1);
  });
});
