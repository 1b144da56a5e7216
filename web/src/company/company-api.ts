import { ApiError, type RequestOptions, requestJson } from '../api';
import type { DeclarationBody } from './declaration-form';

export interface CompanyUser {
  id: string;
  username: string;
  role: 'admin' | 'clerk';
  companyId: string;
  companyName: string;
}
export interface SignedIn {
  user: CompanyUser;
  csrfToken: string;
}

export interface Step {
  id: string;
  agency: string;
  kind: string;
  stage: number;
  status: string;
  decidedAt: string | null;
  note: string | null;
}
export interface Declaration {
  id: string;
  reference: string;
  status: string;
  version: number;
  gate: string;
  direction: string;
  tripKind: string;
  handover: { role: 'delivering' | 'receiving'; linkedDeclarationId: string | null } | null;
  feeExemptionCode: string | null;
  expectedArrivalAt: string;
  vehicle: {
    plate: string;
    plateDisplay: string;
    nationality: 'VN' | 'CN';
    trailerPlate: string | null;
    containerNumber: string | null;
    containers: { number: string; sizeFeet: number | null }[];
    tonnageKg: number | null;
    twoWayTransport: boolean;
  };
  driver: {
    fullName: string;
    documentNumber: string;
    documentKind: string;
    nationality: 'VN' | 'CN';
    phone: string | null;
  };
  cargo: {
    description: string;
    hsCode: string | null;
    grossWeightKg: number;
    perishable: boolean;
    customsDeclarationNumber: string | null;
    quarantineRequired: boolean;
    regime: string;
  };
  /** The infrastructure fee as quoted for this trip, when the service answers with it. */
  feeQuote?: FeeQuote | null;
  reasons: { code: string; message: string }[];
  createdAt: string;
  updatedAt: string;
  timeline?: { status: string; at: string }[];
  steps?: Step[];
  qrToken?: string | null;
  arrivedAt: string | null;
  exitedAt: string | null;
  /** The booked arrival hour (absent from an older service). */
  slot?: { start: string; end: string } | null;
  /** The wait at a regulation yard: the place in line, or the call and the rule that made it. */
  regulationYard?: YardWait | null;
}
export interface YardWait {
  yard: string;
  state: 'waiting' | 'called' | 'arrived' | 'expired' | 'left';
  placeInLine: number | null;
  arrivedAt: string | null;
  calledAt: string | null;
  callDeadline: string | null;
  callRule: string | null;
  missedCalls: number;
}
/** The answer to booking, moving or releasing a slot. */
export interface SlotBooking {
  id: string;
  status: string;
  expectedArrivalAt: string;
  slot: { start: string; end: string } | null;
}
/** A booking suspension of one of the company's vehicles, or of the company, after too many missed slots. */
export interface BookingSuspension {
  id: string;
  scope: 'vehicle' | 'company';
  plate?: string | null;
  plateDisplay?: string | null;
  reason: string;
  until: string;
  startsAt?: string;
}
export interface FeeQuote {
  amount: number;
  currency: string;
  basis?: { vehicleClass?: string; goodsCategory?: string } & Record<string, unknown>;
}
export interface DeclarationPage {
  items: Declaration[];
  nextCursor: string | null;
}
export interface Submitted {
  id: string;
  reference: string;
  status: string;
  plate: string;
  gate: string;
  direction: string;
  expectedArrivalAt: string;
}

export interface UserRow {
  id: string;
  username: string;
  role: 'admin' | 'clerk';
  disabledAt?: string | null;
  disabled?: boolean;
  createdAt?: string;
}
export interface ApiKeyRow {
  prefix: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export interface NewApiKey extends ApiKeyRow {
  apiKey: string;
}
export interface Webhook {
  id: string;
  url: string;
  events: string[];
  status: 'active' | 'disabled';
  disabledReason: string | null;
  createdAt: string;
}
export interface NewWebhook extends Webhook {
  secret: string;
}
export interface Delivery {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export const WEBHOOK_EVENTS = [
  'declaration.accepted',
  'declaration.waiting_at_yard',
  'declaration.called_forward',
  'declaration.call_missed',
  'declaration.rejected',
  'declaration.in_yard',
  'declaration.step_passed',
  'declaration.held',
  'declaration.cleared',
  'declaration.refused',
  'declaration.exited',
  'declaration.expired',
  'declaration.return_due_soon',
  'declaration.return_overdue',
  'declaration.returned',
] as const;

const SESSION_GONE = ['AUTH.SESSION_MISSING', 'AUTH.SESSION_EXPIRED'];

// The token the server gave with the sign-in; every unsafe request sends it back (X-CSRF-Token).
let csrfToken = '';
let onSignedOut: () => void = () => undefined;

/** What the portal does when a request finds the sign-in gone (expired, or signed out in another tab). */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export function isSessionGone(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && SESSION_GONE.includes(error.code);
}

/** A call of the company API with the sign-in's cookie and, for writes, its CSRF token. */
export async function companyRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const unsafe = options.method !== undefined && options.method !== 'GET';
  const headers = unsafe && csrfToken ? { 'x-csrf-token': csrfToken, ...options.headers } : options.headers;
  try {
    return await requestJson<T>(path, { ...options, headers });
  } catch (error) {
    // Without its cookie the request counts as having no credentials at all (AUTH.API_KEY_MISSING): any 401
    // here means the sign-in is gone.
    if (error instanceof ApiError && error.status === 401) onSignedOut();
    throw error;
  }
}

export async function currentSession(): Promise<SignedIn | null> {
  try {
    const answer = await requestJson<SignedIn>('/api/v1/company/session');
    csrfToken = answer.csrfToken;
    return answer;
  } catch (error) {
    if (isSessionGone(error) || (error instanceof ApiError && error.status === 401)) return null;
    throw error;
  }
}

export async function signIn(username: string, password: string): Promise<SignedIn> {
  const answer = await requestJson<SignedIn>('/api/v1/company/session', {
    method: 'POST',
    body: { username, password },
  });
  csrfToken = answer.csrfToken;
  return answer;
}

export async function signOut(): Promise<void> {
  await requestJson<void>('/api/v1/company/session', {
    method: 'DELETE',
    headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
  }).catch((error: unknown) => {
    if (!isSessionGone(error)) throw error;
  });
  csrfToken = '';
}

/** Submits a declaration; `replayed` is true when the server answered from an earlier request with this key. */
export async function declare(
  body: DeclarationBody,
  idempotencyKey: string,
): Promise<{ declaration: Submitted; replayed: boolean }> {
  let replayed = false;
  const declaration = await companyRequest<Submitted>('/api/v1/declarations', {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
    onHeaders: (headers) => {
      replayed = headers.get('idempotent-replayed') === 'true';
    },
  });
  return { declaration, replayed };
}

export interface DeclarationFilters {
  status?: string;
  gate?: string;
  plate?: string;
  from?: string;
  to?: string;
}

export function listDeclarations(filters: DeclarationFilters, cursor: string | null): Promise<DeclarationPage> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters) as [string, string | undefined][]) {
    if (value) query.set(name, value);
  }
  query.set('limit', '20');
  if (cursor) query.set('cursor', cursor);
  return companyRequest(`/api/v1/declarations?${query.toString()}`);
}

export const getDeclaration = (id: string): Promise<Declaration> =>
  companyRequest(`/api/v1/declarations/${encodeURIComponent(id)}`);

export const amendDeclaration = (id: string, body: Partial<DeclarationBody>): Promise<Declaration> =>
  companyRequest(`/api/v1/declarations/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
    headers: { 'idempotency-key': crypto.randomUUID() },
  });

export const cancelDeclaration = (id: string): Promise<Declaration> =>
  companyRequest(`/api/v1/declarations/${encodeURIComponent(id)}/cancel`, {
    method: 'POST',
    headers: { 'idempotency-key': crypto.randomUUID() },
  });

/** Books the arrival hour of a declaration, or moves its booking to another hour of the same day. */
export const bookSlot = (id: string, slotStart: string): Promise<SlotBooking> =>
  companyRequest(`/api/v1/declarations/${encodeURIComponent(id)}/slot`, {
    method: 'PUT',
    body: { slotStart },
    headers: { 'idempotency-key': crypto.randomUUID() },
  });

/** Gives the booked hour back (the declaration stays, without a booking). */
export const releaseSlot = (id: string): Promise<SlotBooking> =>
  companyRequest(`/api/v1/declarations/${encodeURIComponent(id)}/slot`, {
    method: 'DELETE',
    headers: { 'idempotency-key': crypto.randomUUID() },
  });

/** The company's booking suspensions in force (its own, and its vehicles'). */
export const bookingSuspensions = async (): Promise<BookingSuspension[]> =>
  items(await companyRequest<BookingSuspension[] | { items: BookingSuspension[] }>('/api/v1/booking-suspensions'));

export const qrUrl = (id: string): string => `/api/v1/declarations/${encodeURIComponent(id)}/qr.png`;

/** Lists come as an array or as `{items}`: both are read. */
function items<T>(answer: T[] | { items: T[] }): T[] {
  return Array.isArray(answer) ? answer : answer.items;
}

export const listUsers = async (): Promise<UserRow[]> =>
  items(await companyRequest<UserRow[] | { items: UserRow[] }>('/api/v1/company/users'));
export const createUser = (username: string, password: string, role: 'admin' | 'clerk'): Promise<UserRow> =>
  companyRequest('/api/v1/company/users', { method: 'POST', body: { username, password, role } });
export const setUserEnabled = (id: string, enabled: boolean): Promise<unknown> =>
  companyRequest(`/api/v1/company/users/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`, {
    method: 'POST',
  });

export const listApiKeys = async (): Promise<ApiKeyRow[]> =>
  items(await companyRequest<ApiKeyRow[] | { items: ApiKeyRow[] }>('/api/v1/company/api-keys'));
export const createApiKey = (name: string): Promise<NewApiKey> =>
  companyRequest('/api/v1/company/api-keys', { method: 'POST', body: { name } });
export const revokeApiKey = (prefix: string): Promise<unknown> =>
  companyRequest(`/api/v1/company/api-keys/${encodeURIComponent(prefix)}/revoke`, { method: 'POST' });

export const listWebhooks = async (): Promise<Webhook[]> =>
  items(await companyRequest<Webhook[] | { items: Webhook[] }>('/api/v1/webhooks'));
export const createWebhook = (url: string, events: string[]): Promise<NewWebhook> =>
  companyRequest('/api/v1/webhooks', {
    method: 'POST',
    body: { url, events },
    headers: { 'idempotency-key': crypto.randomUUID() },
  });
/** Deletes a webhook (its pending deliveries are not sent). */
export const deleteWebhook = (id: string): Promise<unknown> =>
  companyRequest(`/api/v1/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' });
/** Enables again a webhook the service disabled after a delivery failed every attempt. */
export const enableWebhook = (id: string): Promise<unknown> =>
  companyRequest(`/api/v1/webhooks/${encodeURIComponent(id)}/enable`, { method: 'POST' });
export const listDeliveries = async (id: string): Promise<Delivery[]> =>
  items(await companyRequest<{ items: Delivery[] }>(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries`));
export const redeliver = (id: string, deliveryId: string): Promise<unknown> =>
  companyRequest(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, {
    method: 'POST',
  });
