import { estimateWait } from './wait-estimate.js';

describe('estimateWait', () => {
  it('divides the place in the queue by the recent service rate', () => {
    expect(estimateWait(1, 60)).toEqual({ estimatedWaitMinutes: 1, estimate: 'ok' });
    expect(estimateWait(6, 12)).toEqual({ estimatedWaitMinutes: 30, estimate: 'ok' });
    expect(estimateWait(5, 4)).toEqual({ estimatedWaitMinutes: 75, estimate: 'ok' });
  });

  it('grows as the truck falls back and shrinks as it moves up', () => {
    const later = estimateWait(10, 20).estimatedWaitMinutes!;
    const sooner = estimateWait(2, 20).estimatedWaitMinutes!;
    expect(sooner).toBeLessThan(later);
  });

  it('says so when too little happened lately to estimate', () => {
    expect(estimateWait(3, 2)).toEqual({ estimatedWaitMinutes: null, estimate: 'insufficient_data' });
    expect(estimateWait(3, 0)).toEqual({ estimatedWaitMinutes: null, estimate: 'insufficient_data' });
  });

  it('gives no wait for a step an officer is already working on', () => {
    expect(estimateWait(null, 50)).toEqual({ estimatedWaitMinutes: null, estimate: 'in_progress' });
  });
});
