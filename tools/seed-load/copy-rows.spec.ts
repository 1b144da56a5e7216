import { companyLine, timelineJson } from './copy-rows.js';
import type { JourneyEvent } from './journey-types.js';

const move = (to: JourneyEvent['to'], at: number): JourneyEvent => ({
  at,
  action: 'transition',
  from: null,
  to,
  actor: 'system:screening',
  agency: null,
  step: null,
  note: null,
  reasons: null,
  opensStage: null,
  fee: null,
});

describe('COPY rows', () => {
  it('escapes free text for the text format', () => {
    const line = companyLine({ id: 'id-1', name: 'A\\B\tC\nD', taxCode: '4900000001', share: 1 }, Date.UTC(2025, 0, 1));
    expect(line).toBe('id-1\tA\\\\B\\tC\\nD\t4900000001\t2025-01-01T00:00:00.000Z\n');
  });

  it('writes the public timeline from the status moves only', () => {
    const claim = { ...move(null, 3), action: 'step.claimed', step: 0 };
    expect(JSON.parse(timelineJson([move('submitted', 0), claim, move('accepted', 1500)]))).toEqual([
      { at: '1970-01-01T00:00:00.000Z', status: 'submitted' },
      { at: '1970-01-01T00:00:01.500Z', status: 'accepted' },
    ]);
  });
});
