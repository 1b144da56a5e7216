import {
  alreadyActiveReason,
  arrivalWindowReason,
  bookingSuspendedReason,
  capacityFullReason,
  slotFullReason,
  watchlistReasons,
} from './screening-rules.js';

const window = { pastMinutes: 120, futureDays: 7 };
const submittedAt = new Date('2026-11-27T10:00:00Z');

describe('arrival window', () => {
  it('accepts arrivals from two hours before to seven days after submission', () => {
    expect(arrivalWindowReason(new Date('2026-11-27T08:00:00Z'), submittedAt, window)).toBeNull();
    expect(arrivalWindowReason(new Date('2026-12-04T10:00:00Z'), submittedAt, window)).toBeNull();
  });

  it('rejects an arrival just outside either edge', () => {
    expect(arrivalWindowReason(new Date('2026-11-27T07:59:59Z'), submittedAt, window)?.code).toBe(
      'ARRIVAL.OUTSIDE_WINDOW',
    );
    expect(arrivalWindowReason(new Date('2026-12-04T10:00:01Z'), submittedAt, window)?.code).toBe(
      'ARRIVAL.OUTSIDE_WINDOW',
    );
  });
});

describe('watchlist reasons', () => {
  it('names the vehicle and the driver separately, once each', () => {
    const reasons = watchlistReasons([{ kind: 'plate' }, { kind: 'plate' }, { kind: 'document' }]);
    expect(reasons.map((r) => r.code)).toEqual(['WATCHLIST.VEHICLE', 'WATCHLIST.DRIVER']);
  });

  it('gives no reason without a hit and never reveals why an entry is listed', () => {
    expect(watchlistReasons([])).toEqual([]);
    expect(watchlistReasons([{ kind: 'document' }])[0].message).not.toMatch(/smuggl|fraud|reason/i);
  });
});

describe('other reasons', () => {
  it('point the company at what to do', () => {
    expect(alreadyActiveReason('HN-20261127-00001').message).toContain('HN-20261127-00001');
    expect(capacityFullReason('HUU_NGHI', 'export', '2026-11-28')).toEqual({
      code: 'GATE.CAPACITY_FULL',
      message: 'HUU_NGHI has no export capacity left on 2026-11-28',
    });
  });
});

describe('slot reasons', () => {
  it('a full hour names up to three nearest free hours', () => {
    const reason = slotFullReason('HUU_NGHI', 'export', new Date('2026-12-07T03:00:00Z'), [
      new Date('2026-12-07T04:00:00Z'),
    ]);
    expect(reason).toMatchObject({ code: 'GATE.SLOT_FULL', nearestFree: ['2026-12-07T04:00:00.000Z'] });
  });

  it('a suspension says until when', () => {
    expect(bookingSuspendedReason(new Date('2026-12-21T00:00:00Z'), '3 no-shows')).toMatchObject({
      code: 'BOOKING.SUSPENDED',
      until: '2026-12-21T00:00:00.000Z',
    });
  });
});
