import { DECISIONS, STEP_ROUTES, STEP_TRANSITIONS, needsQuarantine, planSteps, routeKey } from './routing.js';

const plain = { perishable: false, hsCode: '84713020', quarantineRequired: false };

describe('step routing', () => {
  it('clears an export through customs, border guard, then the fee', () => {
    expect(planSteps('export', plain).map((s) => [s.agency, s.stage])).toEqual([
      ['customs', 1],
      ['border_guard', 2],
      ['yard', 3],
    ]);
  });

  it('clears an import through border guard first, then customs, then the fee', () => {
    expect(planSteps('import', plain).map((s) => s.agency)).toEqual(['border_guard', 'customs', 'yard']);
  });

  it('adds quarantine beside customs for farm goods, in both directions', () => {
    const fruit = { perishable: true, hsCode: '08109050', quarantineRequired: false };
    const exportSteps = planSteps('export', fruit);
    expect(exportSteps.find((s) => s.agency === 'quarantine')?.stage).toBe(
      exportSteps.find((s) => s.agency === 'customs')?.stage,
    );
    expect(planSteps('import', fruit).map((s) => s.agency)).toEqual(['border_guard', 'customs', 'quarantine', 'yard']);
  });

  it('makes the fee step the yard agency', () => {
    expect(planSteps('export', plain).find((s) => s.kind === 'fee')?.agency).toBe('yard');
  });

  it('puts perishable goods first in every queue', () => {
    expect(new Set(planSteps('export', { ...plain, perishable: true }).map((s) => s.priority))).toEqual(new Set([0]));
    expect(new Set(planSteps('export', plain).map((s) => s.priority))).toEqual(new Set([1]));
  });
});

describe('routing per kind of trip', () => {
  const fruit = { perishable: true, hsCode: '08109050', quarantineRequired: false };
  const route = (direction: 'export' | 'import', trip: Parameters<typeof planSteps>[2], cargo = plain) =>
    planSteps(direction, cargo, trip).map((s) => [s.agency, s.stage]);

  it('routes through and delivery-and-return trips alike, as before', () => {
    for (const direction of ['export', 'import'] as const) {
      expect(route(direction, { kind: 'delivery_and_return', role: null }, fruit)).toEqual(
        route(direction, undefined, fruit),
      );
      expect(route(direction, { kind: 'through', role: null })).toEqual(route(direction, undefined));
    }
  });

  it('clears an empty vehicle by the border guard, then the fee, without quarantine even when asked', () => {
    for (const direction of ['export', 'import'] as const) {
      expect(route(direction, { kind: 'empty', role: null }, { ...fruit, quarantineRequired: true })).toEqual([
        ['border_guard', 1],
        ['yard', 2],
      ]);
    }
  });

  it('inspects transshipped goods on the delivering vehicle, and supervises the loading of the receiving one', () => {
    expect(route('import', { kind: 'transshipment', role: 'delivering' }, fruit)).toEqual(
      route('import', undefined, fruit),
    );
    for (const direction of ['export', 'import'] as const) {
      expect(route(direction, { kind: 'transshipment', role: 'receiving' }, fruit)).toEqual([
        ['customs', 1],
        ['border_guard', 1],
        ['yard', 2],
      ]);
    }
  });

  it('clears the delivering tractor with the goods, the receiving tractor as a vehicle only', () => {
    expect(route('export', { kind: 'tractor_swap', role: 'delivering' }, fruit)).toEqual(
      route('export', undefined, fruit),
    );
    expect(route('export', { kind: 'tractor_swap', role: 'receiving' }, fruit)).toEqual([
      ['border_guard', 1],
      ['yard', 2],
    ]);
  });

  it('has a route for every kind and leg, each ending with the fee and quarantine only where goods are inspected', () => {
    for (const [key, byDirection] of Object.entries(STEP_ROUTES)) {
      for (const rules of Object.values(byDirection)) {
        const last = rules[rules.length - 1];
        expect([key, last.kind, last.agency]).toEqual([key, 'fee', 'yard']);
        if (['empty', 'tractor_swap:receiving', 'transshipment:receiving'].includes(key)) {
          expect(rules.some((r) => r.agency === 'quarantine')).toBe(false);
        }
      }
    }
    expect(routeKey({ kind: 'tractor_swap', role: 'receiving' })).toBe('tractor_swap:receiving');
    expect(routeKey({ kind: 'empty', role: null })).toBe('empty');
  });
});

describe('needsQuarantine', () => {
  it.each([
    ['perishable goods', { perishable: true, hsCode: null, quarantineRequired: false }, true],
    ['HS chapter 01 (live animals)', { perishable: false, hsCode: '01022100', quarantineRequired: false }, true],
    ['HS chapter 14', { perishable: false, hsCode: '14011000', quarantineRequired: false }, true],
    ['HS chapter 15', { perishable: false, hsCode: '15011000', quarantineRequired: false }, false],
    ['machines without a request', plain, false],
    ['machines on request', { ...plain, quarantineRequired: true }, true],
  ])('%s → %s', (_, cargo, expected) => {
    expect(needsQuarantine(cargo)).toBe(expected);
  });
});

describe('step lifecycle', () => {
  it('settles a held step only by a later pass or refusal', () => {
    expect(STEP_TRANSITIONS.held).toEqual(['passed', 'refused']);
    expect(STEP_TRANSITIONS.passed).toEqual([]);
    expect(STEP_TRANSITIONS.refused).toEqual([]);
  });

  it('maps each decision to a status a claimed step may take', () => {
    for (const to of Object.values(DECISIONS)) expect(STEP_TRANSITIONS.claimed).toContain(to);
  });
});
