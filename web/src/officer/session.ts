import type { GateCode, StepAgency } from './officer-api';

/**
 * The officer's access token lives in sessionStorage: it is per tab and emptied when the tab closes, so closing
 * the console signs the officer out and another tab (or the next person at a shared yard desktop) does not
 * inherit the sign-in. The token lasts minutes; token-renewal.ts renews it with the refresh cookie, which is
 * HttpOnly and ends with the browser session.
 */
const TOKEN = 'border-gate.officer.token';
const WORKPLACE = 'border-gate.officer.workplace';

export interface Workplace {
  gate: GateCode;
  agency: StepAgency;
}

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null; // storage refused: the sign-in lasts as long as the page
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // see read()
  }
}

export const storedToken = (): string | null => read(TOKEN);
export const storeToken = (token: string | null): void => write(TOKEN, token);

export function storedWorkplace(): Workplace | null {
  try {
    const value = JSON.parse(read(WORKPLACE) ?? 'null') as Partial<Workplace> | null;
    return value && typeof value.gate === 'string' && typeof value.agency === 'string' ? (value as Workplace) : null;
  } catch {
    return null;
  }
}
export const storeWorkplace = (workplace: Workplace | null): void =>
  write(WORKPLACE, workplace === null ? null : JSON.stringify(workplace));

export function forgetSession(): void {
  storeToken(null);
  storeWorkplace(null);
}
