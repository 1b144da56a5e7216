import { DECISIONS, STEP_TRANSITIONS, needsQuarantine, planSteps } from './routing.js';

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
