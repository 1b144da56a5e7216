import { randomBytes } from 'node:crypto';
import { OfficersService } from '../../src/modules/officers/officers.service.js';
import { startWithCompany, type TestApp, type TestCompany, type TestResponse } from './test-app.js';

export type AgencyName = 'customs' | 'border_guard' | 'quarantine' | 'yard' | 'supervisor';

export interface TestOfficer {
  id: string;
  username: string;
  agency: AgencyName;
  headers: Record<string, string>;
}

const PASSWORD = 'correct horse battery staple';

/** Creates an officer through the service and logs in through the real endpoint. */
export async function officer(t: TestApp, agency: AgencyName, gates: string[] = ['HUU_NGHI']): Promise<TestOfficer> {
  const username = `${agency.replace('_', '')}.${randomBytes(4).toString('hex')}`;
  const { id } = await t.app.get(OfficersService).create({ username, password: PASSWORD, agency, gates });
  const login = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: { username, password: PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const token = login.json().accessToken as string;
  return { id, username, agency, headers: { authorization: `Bearer ${token}` } };
}

/** One officer of every agency at a gate. */
export async function gateCrew(t: TestApp, gate = 'HUU_NGHI'): Promise<Record<AgencyName, TestOfficer>> {
  const agencies: AgencyName[] = ['customs', 'border_guard', 'quarantine', 'yard', 'supervisor'];
  const crew = await Promise.all(agencies.map((a) => officer(t, a, [gate])));
  return Object.fromEntries(agencies.map((a, i) => [a, crew[i]])) as Record<AgencyName, TestOfficer>;
}

/** POSTs as an officer; `null` sends no credentials. */
export function postAs(t: TestApp, who: TestOfficer | null, url: string, payload: unknown = {}): Promise<TestResponse> {
  return t.request({ method: 'POST', url, headers: who ? who.headers : {}, payload });
}

/** The test app, a company, and one officer of every agency at `gate`: the start of the suites at a gate. */
export async function startWithGateCrew(
  gate: string,
): Promise<{ t: TestApp; company: TestCompany; crew: Record<AgencyName, TestOfficer> }> {
  const { t, company } = await startWithCompany();
  return { t, company, crew: await gateCrew(t, gate) };
}

/**
 * Claims from the officer's agency queue at `gate` until the claim is this declaration's step, passing the trucks
 * other tests left ahead of it (with a receipt at the yard's fee step); returns the claimed step.
 */
export async function claimStepOf(t: TestApp, who: TestOfficer, gate: string, declarationId: string): Promise<any> {
  for (let served = 0; served < 1000; served += 1) {
    const res = await postAs(t, who, `/api/v1/gates/${gate}/queues/${who.agency}/claim`);
    expect(res.statusCode).toBe(200);
    const step = res.json();
    if (step.declarationId === declarationId) return step;
    const other = await postAs(t, who, `/api/v1/steps/${step.id}/decision`, {
      decision: 'pass',
      ...(who.agency === 'yard' ? { paymentReference: 'PT-OTHER' } : {}),
    });
    expect(other.statusCode).toBe(200);
  }
  throw new Error(`the ${who.agency} step of ${declarationId} never came up at ${gate}`);
}
