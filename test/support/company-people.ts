import { randomBytes } from 'node:crypto';
import { CompanyUsersService } from '../../src/modules/companies/company-users.service.js';
import type { TestApp, TestResponse } from './test-app.js';

export const COMPANY_PASSWORD = 'correct horse battery staple';

export interface TestCompanyUser {
  id: string;
  username: string;
  password: string;
  role: 'admin' | 'clerk';
}

/** A unique username per call: usernames are unique across every company. */
export const uniqueUsername = (stem = 'person'): string => `${stem}.${randomBytes(4).toString('hex')}`;

/** A person of the company, made as the operator's CLI makes one. */
export async function createCompanyUser(
  t: TestApp,
  companyId: string,
  role: 'admin' | 'clerk',
  username = uniqueUsername(role),
): Promise<TestCompanyUser> {
  const user = await t.app.get(CompanyUsersService).create({ companyId, username, password: COMPANY_PASSWORD, role });
  return { id: user.id, username: user.username, password: COMPANY_PASSWORD, role };
}

/** A signed-in portal browser: the cookie to send back and the CSRF token for unsafe requests. */
export interface PortalSession {
  cookie: string;
  csrfToken: string;
  token: string;
  response: TestResponse;
}

export async function signIn(t: TestApp, username: string, password = COMPANY_PASSWORD): Promise<PortalSession> {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/company/session',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} answered ${response.statusCode}: ${response.body}`);
  const setCookie = String(response.headers['set-cookie']);
  const token = /^bg_company_session=([^;]+)/.exec(setCookie)?.[1];
  if (!token) throw new Error(`no session cookie in ${setCookie}`);
  return { cookie: `bg_company_session=${token}`, csrfToken: response.json().csrfToken, token, response };
}

/** Headers of a portal request: the cookie, and for unsafe methods the CSRF token. */
export function portalHeaders(session: PortalSession, unsafe = false): Record<string, string> {
  return unsafe ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : { cookie: session.cookie };
}
