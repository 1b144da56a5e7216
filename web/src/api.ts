import { HTML_LANG, isLanguage } from './i18n/languages';
import { i18next } from './i18n/setup';
import { ApiError, UnreachableError, toApiError } from './api-errors';

export interface TimelineEntry {
  status: string;
  at: string;
}
export interface CurrentStep {
  agency: string;
  status: string;
  queuePosition: number | null;
  estimatedWaitMinutes: number | null;
  estimate: 'ok' | 'insufficient_data' | 'in_progress';
}
export interface VehicleStatus {
  plate: string;
  plateDisplay: string;
  status: string;
  gate: string;
  direction: string;
  expectedArrivalAt: string;
  updatedAt: string;
  timeline: TimelineEntry[];
  currentSteps: CurrentStep[];
  expectedAhead: number | null;
  /** Where the truck waits for its call to the gate, when it checked in at a regulation yard (absent from an older service). */
  regulationYard?: PublicYardWait | null;
}
/** A truck's wait at a regulation yard as the public may see it: the place in line, or the call and its deadline. */
export interface PublicYardWait {
  yard: string;
  yardName: string;
  state: 'waiting' | 'called';
  placeInLine: number | null;
  calledAt: string | null;
  callDeadline: string | null;
}
export interface BoardFigures {
  expectedToday: number;
  inYard: number;
  waitingByAgency: Record<'customs' | 'border_guard' | 'quarantine' | 'yard', number>;
  clearedToday: number;
  exitedToday: number;
  medianArrivalToExitMinutes: number | null;
  throughputLastHour: number;
  capacityToday: number;
  bookedToday: number;
  capacityLeft: number;
  demand: number | null;
  warningLevel: string;
}
export interface GateBoard extends BoardFigures {
  gate: string;
  open: boolean;
  closedReason: string | null;
  closedAt: string | null;
  day: string;
  timezone: string;
  updatedAt: string;
  /** Today's check-ins and exits at the whole gate, hours 0–23 in the gate's time zone. */
  hourly: { hour: number; arrivals: number; exits: number }[];
  /** The next 12 hours from the current one, both directions summed (absent from an older service). */
  nextHours?: NextHour[];
  regulationYards?: { waiting: number; called: number; yards: BoardYard[] };
  forecast?: { level: string; peakHour: string | null; peakInYard: number; serviceRatePerHour: number };
}
export interface NextHour {
  slotStart: string;
  capacity: number;
  booked: number;
  /** The forecast of vehicles in the gate yard at the end of the hour. */
  expectedInYard: number;
  /** Trucks the call forward would send from the regulation yards in the hour. */
  fromRegulationYards?: number;
}
export interface BoardYard {
  code: string;
  name: string;
  /** The English name (absent from an older service). */
  nameEn?: string;
  waiting: number;
  called: number;
  capacity: number;
}
export interface SlotHour {
  slotStart: string;
  slotEnd: string;
  direction: 'export' | 'import';
  capacity: number;
  booked: number;
  free: number;
  /** Why the hour's capacity differs from the standing one (a calendar exception), else null. */
  exception: string | null;
}
export interface GateSlots {
  gate: string;
  timezone: string;
  hours: SlotHour[];
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Called with the answer's headers before its body is read (e.g. `Idempotent-Replayed`). */
  onHeaders?: (headers: Headers) => void;
}

/**
 * A call of the API in the reader's language; the answer's JSON (undefined for 204). Errors become ApiError (by
 * code) or UnreachableError. Same-origin cookies go along (the company portal's session).
 */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const language = isLanguage(i18next.language) ? i18next.language : 'vi';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': HTML_LANG[language],
    ...options.headers,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new UnreachableError();
  }
  options.onHeaders?.(response.headers);
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, body);
  if (body === null) throw new UnreachableError();
  return body as T;
}

/** GET of the API in the reader's language. */
export const getJson = <T>(path: string): Promise<T> => requestJson<T>(path);

export const vehicleStatus = (plate: string): Promise<VehicleStatus> =>
  getJson(`/api/v1/vehicles/${encodeURIComponent(plate)}/status`);

export const gateBoard = (gate: string): Promise<GateBoard> => getJson(`/api/v1/gates/${gate}/board`);

/** The free arrival hours of a gate from the current hour on (both directions unless one is named). */
export function gateSlots(gate: string, hours: number, direction?: string): Promise<GateSlots> {
  const query = new URLSearchParams({ hours: String(hours) });
  if (direction) query.set('direction', direction);
  return getJson(`/api/v1/gates/${encodeURIComponent(gate)}/slots?${query.toString()}`);
}

export const vehicleEventsUrl = (plate: string): string => `/api/v1/vehicles/${encodeURIComponent(plate)}/events`;

/** The gate's warning changes (`event: warning`), the last one replayed on connecting. */
export const boardEventsUrl = (gate: string): string => `/api/v1/gates/${encodeURIComponent(gate)}/board/events`;

export { ApiError };
