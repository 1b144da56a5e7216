import { requestJson, type RequestOptions } from '../api';
import { ApiError } from '../api-errors';
import { renewAccessToken, scheduleRenewal } from './token-renewal';

export type GateCode = 'HUU_NGHI' | 'TAN_THANH';
export const GATES: readonly GateCode[] = ['HUU_NGHI', 'TAN_THANH'];
export type Agency = 'customs' | 'border_guard' | 'quarantine' | 'yard' | 'supervisor';
export type StepAgency = Exclude<Agency, 'supervisor'>;
export const STEP_AGENCIES: readonly StepAgency[] = ['customs', 'border_guard', 'quarantine', 'yard'];

export interface LoginAnswer {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}
export interface Me {
  id: string;
  username: string;
  agency: Agency;
  gates: GateCode[];
}
export interface Step {
  id: string;
  agency: StepAgency;
  kind: 'inspection' | 'fee';
  stage: number;
  status: 'waiting' | 'claimed' | 'passed' | 'held' | 'refused';
  version: number;
  readyAt: string | null;
  claimedAt: string | null;
  claimExpiresAt: string | null;
  decidedAt: string | null;
  note: string | null;
  feeAmountVnd?: number | null;
  feeVehicleClass?: string | null;
  paymentReference?: string | null;
}
export interface CheckInAnswer {
  declarationId: string;
  reference: string;
  plate: string;
  status: string;
  steps: Step[];
}
export interface ExitAnswer {
  declarationId: string;
  reference: string;
  status: 'exited';
  destination: 'CN' | 'VN_INLAND';
}
export interface FeeQuote {
  amount: number;
  currency: 'VND';
  basis: {
    scheduleId: string;
    vehicleClass: string;
    /** The tonnage when declared, else the gross weight: what the class is read from. */
    weightBasisKg: number;
    grossWeightKg: number;
    goodsCategory: string;
    direction: string;
    baseAmount: number;
    percent: number;
    directionPercent: number;
    exemptionCode: string | null;
  };
}
export interface StepVehicle {
  declarationId: string;
  reference: string;
  plate: string;
  plateDisplay: string;
  gate: GateCode;
  direction: 'export' | 'import';
}
export interface QueueEntry extends StepVehicle {
  stepId: string;
  perishable: boolean;
  kind: 'inspection' | 'fee';
  status: 'waiting' | 'claimed' | 'held';
  position: number | null;
  readySince: string;
  waitingSeconds: number;
  claimedBy: string | null;
  claimExpiresAt: string | null;
  feeQuote: FeeQuote | null;
  /** The kind of trip and, for a handover, this vehicle's leg and trailer (absent from an older service). */
  tripKind?: TripKind;
  handoverRole?: HandoverRole | null;
  trailerPlate?: string | null;
}
export interface Queue {
  gate: GateCode;
  agency: StepAgency;
  waiting: number;
  items: QueueEntry[];
}
export type ClaimedStep = Step & StepVehicle & { perishable: boolean; feeQuote: FeeQuote | null };
export type Decision = 'pass' | 'hold' | 'refuse';
export interface DecisionAnswer extends StepVehicle {
  step: Step;
  declarationStatus: string;
}
export interface GateState {
  code: GateCode;
  open: boolean;
  closedReason: string | null;
  closedAt: string | null;
}
export interface AmendmentRequest {
  id: string;
  declarationId: string;
  reference: string;
  plate: string;
  plateDisplay: string;
  status: 'pending' | 'approved' | 'declined';
  changes: Record<string, unknown>;
  requestedAt: string;
  decidedAt: string | null;
  note: string | null;
}
export interface StepMinutes {
  count: number;
  p50: number | null;
  p90: number | null;
}
export interface DailyStatsItem {
  day: string;
  direction: 'export' | 'import';
  declared: number;
  accepted: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  cancelled: number;
  expired: number;
  arrived: number;
  cleared: number;
  refused: number;
  exited: number;
  stepMinutes: Record<StepAgency, StepMinutes>;
  computedAt: string;
}
export interface DailyStats {
  gate: GateCode;
  from: string;
  to: string;
  items: DailyStatsItem[];
  missingDays: string[];
}

export type TripKind = 'through' | 'transshipment' | 'tractor_swap' | 'empty' | 'delivery_and_return';
export type HandoverRole = 'delivering' | 'receiving';

export interface OfficerStep extends Step {
  claimedBy: { id: string; username: string } | null;
  decidedBy: { id: string; username: string } | null;
}
export interface OfficerDeclaration {
  id: string;
  reference: string;
  status: string;
  version: number;
  gate: GateCode;
  direction: 'export' | 'import';
  tripKind: TripKind;
  handover: { role: HandoverRole; linkedDeclarationId: string | null } | null;
  feeExemptionCode: string | null;
  expectedArrivalAt: string;
  arrivedAt: string | null;
  exitedAt: string | null;
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
    documentKind: 'vn_citizen_id' | 'cn_resident_id' | 'passport';
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
    regime: 'standard' | 're_export' | 'temporary_import';
  };
  steps: OfficerStep[];
  timeline: { status: string; at: string }[];
}

/** Everyone who renders a signed-in view learns here that the sign-in ended (an expired or revoked token). */
type SignInEnded = () => void;
let onSignInEnded: SignInEnded = () => undefined;
export function whenSignInEnds(listener: SignInEnded): void {
  onSignInEnded = listener;
}

/**
 * A call with the officer's token; a write carries its action's Idempotency-Key (see useActionKey), so repeating
 * it after a renewed token is safe. A refused token is renewed once and the call repeated; then the sign-in ended.
 */
async function officerCall<T>(token: string, path: string, options: RequestOptions & { key?: string } = {}) {
  const call = (bearer: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, ...options.headers };
    if (options.key) headers['idempotency-key'] = options.key;
    return requestJson<T>(path, { ...options, headers });
  };
  const refused = (error: unknown) =>
    error instanceof ApiError && (error.code === 'AUTH.TOKEN_INVALID' || error.code === 'AUTH.TOKEN_MISSING');
  try {
    return await call(token);
  } catch (error) {
    if (!refused(error)) throw error;
    const renewed = await renewAccessToken();
    if (renewed) {
      try {
        return await call(renewed);
      } catch (again) {
        if (refused(again)) onSignInEnded();
        throw again;
      }
    }
    onSignInEnded();
    throw error;
  }
}

const gatePath = (gate: GateCode): string => `/api/v1/gates/${gate}`;

/** Signs in: the access token, and (as an HttpOnly cookie) the refresh token that renews it while on shift. */
export async function login(username: string, password: string): Promise<LoginAnswer> {
  const answer = await requestJson<LoginAnswer>('/api/v1/auth/login', { method: 'POST', body: { username, password } });
  scheduleRenewal(answer.expiresIn);
  return answer;
}

/** Ends the sign-in on the server (the refresh cookie's whole family); access tokens run out within minutes. */
export const logout = (): Promise<void> => requestJson<void>('/api/v1/auth/logout', { method: 'POST' });

export const me = (token: string): Promise<Me> => officerCall(token, '/api/v1/auth/me');

/** The declaration in full, as officers at its gate check it at the barrier. */
export const officerDeclaration = (token: string, gate: GateCode, id: string) =>
  officerCall<OfficerDeclaration>(token, `${gatePath(gate)}/declarations/${encodeURIComponent(id)}`);

export const checkIn = (token: string, key: string, gate: GateCode, by: { plate: string } | { qrToken: string }) =>
  officerCall<CheckInAnswer>(token, `${gatePath(gate)}/check-ins`, { method: 'POST', body: by, key });

export const letOut = (token: string, key: string, gate: GateCode, plate: string) =>
  officerCall<ExitAnswer>(token, `${gatePath(gate)}/exits`, { method: 'POST', body: { plate }, key });

export const agencyQueue = (token: string, gate: GateCode, agency: StepAgency) =>
  officerCall<Queue>(token, `${gatePath(gate)}/queues/${agency}`);

/** The next step of the queue, or undefined when nothing is waiting (204). */
export const claimNext = (token: string, key: string, gate: GateCode, agency: StepAgency) =>
  officerCall<ClaimedStep | undefined>(token, `${gatePath(gate)}/queues/${agency}/claim`, {
    method: 'POST',
    key,
  });

export const decide = (
  token: string,
  key: string,
  stepId: string,
  body: { decision: Decision; note?: string; paymentReference?: string; expectedVersion?: number },
) =>
  officerCall<DecisionAnswer>(token, `/api/v1/steps/${encodeURIComponent(stepId)}/decision`, {
    method: 'POST',
    body,
    key,
  });

export const closeGate = (token: string, key: string, gate: GateCode, reason: string) =>
  officerCall<GateState>(token, `${gatePath(gate)}/close`, { method: 'POST', body: { reason }, key });

export const openGate = (token: string, key: string, gate: GateCode) =>
  officerCall<GateState>(token, `${gatePath(gate)}/open`, { method: 'POST', key });

export const amendmentRequests = (token: string, gate: GateCode) =>
  officerCall<AmendmentRequest[]>(token, `${gatePath(gate)}/amendment-requests`);

export const decideAmendment = (
  token: string,
  key: string,
  id: string,
  decision: 'approve' | 'decline',
  note?: string,
) =>
  officerCall<AmendmentRequest>(token, `/api/v1/amendment-requests/${encodeURIComponent(id)}/decision`, {
    method: 'POST',
    body: note ? { decision, note } : { decision },
    key,
  });

export const dailyStats = (token: string, gate: GateCode, from: string, to: string) =>
  officerCall<DailyStats>(token, `/api/v1/stats/daily?${new URLSearchParams({ gate, from, to }).toString()}`);

/** A regulation yard of a gate, as the public list gives it. */
export interface RegulationYard {
  code: string;
  gate: GateCode;
  name: string;
  nameEn: string;
  capacity: number;
  latitude: number;
  longitude: number;
  driveMinutes: number;
  open: boolean;
  waiting: number;
  called: number;
}
export interface YardCheckInAnswer {
  declarationId: string;
  reference: string;
  plate: string;
  plateDisplay: string;
  gate: GateCode;
  direction: 'export' | 'import';
  status: 'waiting_at_yard';
  yard: string;
  placeInLine: number;
  slot: { start: string; end: string } | null;
}
export interface LineEntry {
  declarationId: string;
  reference: string;
  plate: string;
  plateDisplay: string;
  direction?: 'export' | 'import';
  placeInLine?: number | null;
  priorityClasses?: string[];
  slot?: { start: string; end: string } | null;
  arrivedAt?: string | null;
  missedCalls?: number;
  calledAt?: string | null;
  callDeadline?: string | null;
  callRule?: string | null;
}
export interface YardLine {
  yard: string;
  waiting: LineEntry[];
  called: LineEntry[];
}
export interface GateSuspension {
  id: string;
  scope: 'vehicle' | 'company';
  plate?: string | null;
  plateDisplay?: string | null;
  companyId?: string | null;
  companyName?: string | null;
  reason: string;
  startsAt?: string;
  until: string;
}

/** The regulation yards of a gate (public). */
export const regulationYards = (gate: GateCode) =>
  requestJson<RegulationYard[]>(`/api/v1/regulation-yards?gate=${encodeURIComponent(gate)}`);

/** A truck checks in at a regulation yard: it waits there (waiting_at_yard) until it is called to the gate. */
export const yardCheckIn = (token: string, key: string, yard: string, plate: string) =>
  officerCall<YardCheckInAnswer>(token, `/api/v1/regulation-yards/${encodeURIComponent(yard)}/check-ins`, {
    method: 'POST',
    body: { plate },
    key,
  });

/** The trucks waiting at a regulation yard in call order, and those called with their deadlines. */
export const yardLine = (token: string, yard: string) =>
  officerCall<YardLine>(token, `/api/v1/regulation-yards/${encodeURIComponent(yard)}/line`);

/** The booking suspensions in force at a gate. */
export const gateSuspensions = async (token: string, gate: GateCode): Promise<GateSuspension[]> => {
  const answer = await officerCall<GateSuspension[] | { items: GateSuspension[] }>(
    token,
    `${gatePath(gate)}/booking-suspensions`,
  );
  return Array.isArray(answer) ? answer : answer.items;
};

/** A supervisor lifts a booking suspension, saying why. */
export const liftSuspension = (token: string, key: string, id: string, note: string) =>
  officerCall<unknown>(token, `/api/v1/booking-suspensions/${encodeURIComponent(id)}/lift`, {
    method: 'POST',
    body: { note },
    key,
  });
