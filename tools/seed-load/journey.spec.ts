import { planSteps } from '../../src/modules/clearance/routing.js';
import { canTransition, type DeclarationStatus } from '../../src/modules/declarations/declaration-status.js';
import type { Direction } from './cargo.js';
import { type Fate, JourneyPlanner, type TripFacts } from './journey.js';
import { Random } from './random.js';
import { CLAIM_TIMEOUT_MS, replay } from './timeline.js';

const HOUR = 3_600_000;
const START = Date.UTC(2025, 5, 2, 2, 0);
const FATE_STATUS: Record<Fate, DeclarationStatus> = {
  exited: 'exited',
  refused: 'exited',
  rejected: 'rejected',
  withdrawn: 'cancelled',
  cancelled: 'cancelled',
  expired: 'expired',
};

describe('journeys', () => {
  const random = new Random(21);
  // Officer ids tell their gate and agency, so the test can check who did what.
  const planner = new JourneyPlanner(
    random,
    (gate, agency) => `${gate}-${agency}`,
    () => 250_000,
  );

  const trip = (direction: Direction, perishable: boolean): TripFacts => ({
    companyId: 'c1',
    gate: 'HUU_NGHI',
    direction,
    submittedAt: START,
    expectedArrivalAt: START + 5 * HOUR,
    cargo: {
      perishable,
      hsCode: perishable ? '08109050' : '84714990',
      quarantineRequired: false,
      grossWeightKg: 18_000,
    },
  });

  const plan = (fate: Fate, direction: Direction = 'export', perishable = false, amended = false) =>
    planner.plan(trip(direction, perishable), {
      fate,
      amended,
      reasons: fate === 'rejected' ? [{ code: 'ARRIVAL.OUTSIDE_WINDOW', message: 'x' }] : undefined,
    });

  it.each(Object.entries(FATE_STATUS) as [Fate, DeclarationStatus][])(
    'a trip meant to end %s ends %s, through allowed moves only, starting with its submission',
    (fate, status) => {
      for (const amended of [false, true]) {
        const journey = plan(fate, 'import', true, amended);
        const state = replay(journey.events, journey.steps, Infinity);
        const moves = state.events.filter((e) => e.action === 'transition');
        expect(moves[0]).toMatchObject({ from: null, to: 'submitted', actor: 'company:c1' });
        for (let i = 1; i < moves.length; i++) {
          expect(moves[i].from).toBe(moves[i - 1].to);
          expect(canTransition(moves[i].from as DeclarationStatus, moves[i].to as DeclarationStatus)).toBe(true);
        }
        expect(state.declaration.status).toBe(status);
        expect(state.declaration.version).toBe(moves.length);
        for (let i = 1; i < state.events.length; i++)
          expect(state.events[i].at).toBeGreaterThanOrEqual(state.events[i - 1].at);
      }
    },
  );

  it('creates the steps of the routing table, each claimed and passed by an officer of its agency', () => {
    for (const direction of ['export', 'import'] as const) {
      for (const perishable of [false, true]) {
        const journey = plan('exited', direction, perishable);
        const state = replay(journey.events, journey.steps, Infinity);
        const expected = planSteps(direction, { perishable, hsCode: null, quarantineRequired: false });
        expect(state.steps.map((s) => [s.agency, s.stage])).toEqual(expected.map((s) => [s.agency, s.stage]));
        for (const [i, step] of state.steps.entries()) {
          expect(step.status).toBe('passed');
          expect(step.decidedBy).toBe(`HUU_NGHI-${step.agency}`);
          const claim = state.events.find((e) => e.step === i && e.action === 'step.claimed');
          expect(claim?.agency).toBe(step.agency);
          expect(step.decidedAt).toBeGreaterThan(claim?.at ?? Infinity);
        }
        const fee = state.steps.find((s) => s.kind === 'fee');
        expect(fee).toMatchObject({ feeAmountVnd: 250_000, feeVehicleClass: 'VT6' });
        expect(fee?.paymentReference).toMatch(/^[A-Z]{3,4}\d{10}$/);
        expect(state.declaration.exitDestination).toBe(direction === 'export' ? 'CN' : 'VN_INLAND');
      }
    }
  });

  it('opens a stage only when the one before has passed', () => {
    const journey = plan('exited', 'export', true);
    const state = replay(journey.events, journey.steps, Infinity);
    const stage1Done = Math.max(...state.steps.filter((s) => s.stage === 1).map((s) => s.decidedAt ?? 0));
    for (const s of state.steps.filter((x) => x.stage === 2)) expect(s.readyAt).toBe(stage1Done);
  });

  it('sends a refused truck back, leaving its other steps out of the queues', () => {
    for (let n = 0; n < 50; n++) {
      const journey = plan('refused', n % 2 ? 'export' : 'import', n % 3 === 0);
      const state = replay(journey.events, journey.steps, Infinity);
      expect(state.steps.filter((s) => s.status === 'refused')).toHaveLength(1);
      expect(state.steps.some((s) => s.status === 'claimed')).toBe(false);
      const moves = state.events.filter((e) => e.action === 'transition').map((e) => e.to);
      expect(moves.slice(-2)).toEqual(['refused', 'exited']);
    }
  });

  it('shows the state of the moment when cut short: a truck in the yard has open steps in a queue', () => {
    const journey = plan('exited', 'export', false);
    const checkIn = journey.events.find((e) => e.to === 'in_yard')?.at ?? 0;
    const state = replay(journey.events, journey.steps, checkIn + 1);
    expect(state.declaration).toMatchObject({ status: 'in_yard', arrivedAt: checkIn, exitedAt: null });
    expect(state.steps.filter((s) => s.readyAt !== null).every((s) => s.status === 'waiting')).toBe(true);
    expect(state.steps.some((s) => s.readyAt === null)).toBe(true);
    const claim = journey.events.find((e) => e.action === 'step.claimed');
    const claimed = replay(journey.events, journey.steps, claim?.at ?? 0);
    const step = claimed.steps[claim?.step ?? -1];
    expect(step).toMatchObject({ status: 'claimed', claimExpiresAt: (claim?.at ?? 0) + CLAIM_TIMEOUT_MS });
    expect(replay(journey.events, journey.steps, START).declaration.status).toBe('submitted');
  });

  it('expires a no-show twelve hours after its expected arrival, by the system', () => {
    const state = replay(plan('expired').events, [], Infinity);
    const expiry = state.events.at(-1);
    expect(expiry).toMatchObject({ from: 'accepted', to: 'expired', actor: 'system:expiry' });
    expect((expiry?.at ?? 0) - (START + 5 * HOUR)).toBeGreaterThanOrEqual(12 * HOUR);
  });
});
