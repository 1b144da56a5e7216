import { requestJson, type RequestOptions } from '../../api';

export type GateCode = 'HUU_NGHI' | 'TAN_THANH';
export const GATES: readonly GateCode[] = ['HUU_NGHI', 'TAN_THANH'];
export type Agency = 'customs' | 'border_guard' | 'quarantine' | 'yard' | 'supervisor';
export const AGENCIES: readonly Agency[] = ['customs', 'border_guard', 'quarantine', 'yard', 'supervisor'];

/** An officer's account as the supervisors of their gates see it (`GET /api/v1/officers`). */
export interface OfficerAccount {
  id: string;
  username: string;
  agency: Agency;
  gates: GateCode[];
  createdAt: string;
  disabledAt: string | null;
  lockedUntil: string | null;
}

export interface NewOfficer {
  username: string;
  password: string;
  agency: Agency;
  gates: GateCode[];
}

/** A call with the supervisor's token; a write carries its action's Idempotency-Key. */
function call<T>(token: string, path: string, options: RequestOptions & { key?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (options.key) headers['idempotency-key'] = options.key;
  return requestJson<T>(path, { ...options, headers });
}

const officerPath = (id: string): string => `/api/v1/officers/${encodeURIComponent(id)}`;

export const officersAt = (token: string, gate: GateCode): Promise<OfficerAccount[]> =>
  call(token, `/api/v1/officers?gate=${gate}`);

export const createOfficer = (token: string, key: string, officer: NewOfficer): Promise<OfficerAccount> =>
  call(token, '/api/v1/officers', { method: 'POST', key, body: officer });

export const setEnabled = (token: string, key: string, id: string, enabled: boolean): Promise<OfficerAccount> =>
  call(token, `${officerPath(id)}/${enabled ? 'enable' : 'disable'}`, { method: 'POST', key });

export const setPostings = (
  token: string,
  key: string,
  id: string,
  postings: { agency: Agency; gates: GateCode[] },
): Promise<OfficerAccount> => call(token, `${officerPath(id)}/postings`, { method: 'PUT', key, body: postings });

export const resetPassword = (token: string, key: string, id: string, password: string): Promise<OfficerAccount> =>
  call(token, `${officerPath(id)}/password`, { method: 'POST', key, body: { password } });
