import { fmtHour, fmtWait, lineChartSvg } from './report.js';
import { gateWait, hourRows, occupancy, quantile, type TruckRecord } from './timeline.js';

const at = (h: number): Date => new Date(Date.UTC(2021, 11, 19, 17) + h * 3_600_000);

function record(overrides: Partial<TruckRecord>): TruckRecord {
  return {
    gate: 'HUU_NGHI',
    perishable: false,
    slotStart: null,
    yardAt: null,
    calledAt: null,
    atGateAt: null,
    checkedInAt: null,
    exitedAt: null,
    leftYardAt: null,
    outcome: 'waiting',
    ...overrides,
  };
}

describe('the simulation report', () => {
  it('writes waits as people read them', () => {
    expect(fmtWait(null)).toBe('—');
    expect(fmtWait(0)).toBe('0m');
    expect(fmtWait(59.6)).toBe('1h00');
    expect(fmtWait(190)).toBe('3h10');
    expect(fmtWait(3000)).toBe('2d02h');
    expect(fmtHour(at(7))).toBe('12-20 07:00');
  });

  it('counts where the trucks are at an instant and the waits of each hour', () => {
    const records = [
      record({ atGateAt: at(1), checkedInAt: at(3), exitedAt: at(5), outcome: 'exited' }),
      record({ atGateAt: at(2) }),
      record({
        yardAt: at(0.5),
        calledAt: at(2.5),
        atGateAt: at(2.75),
        checkedInAt: at(2.75),
        exitedAt: at(3.75),
        slotStart: at(2),
      }),
    ];
    expect(occupancy(records, at(2.5).getTime())).toEqual({ road: 2, gateYard: 0, regulationYards: 1 });
    expect(occupancy(records, at(3.5).getTime())).toEqual({ road: 1, gateYard: 2, regulationYards: 0 });
    const rows = hourRows(records, at(0), 6);
    expect(rows.map((r) => r.arrivals)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(rows[2]).toMatchObject({ booked: 1, checkedIn: 1, yardWaitMedian: 120, yardWaitMax: 120 });
    expect(rows[3]).toMatchObject({ checkedIn: 1, exited: 1, gateWaitMedian: 60 });
    expect(rows[5]).toMatchObject({ exited: 1, gateWaitMax: 240 });
    // A truck still on the road when the run stops counts its wait so far.
    expect(gateWait(records[1], at(10))).toBe(480);
    expect(quantile([5, 1, 3, 2, 4], 0.9)).toBe(5);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('draws a chart as a standalone SVG with a title, a description and a legend', () => {
    const svg = lineChartSvg({
      title: 'Trucks <waiting>',
      description: 'Queue & yards',
      hours: [at(0), at(1), at(2)],
      yLabel: 'trucks',
      series: [{ label: 'road', colour: '#c00', values: [0, 50, 120] }],
    });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title id="t">Trucks &lt;waiting&gt;</title>');
    expect(svg).toContain('<desc id="d">Queue &amp; yards</desc>');
    expect(svg).toContain('<polyline');
    expect(svg).not.toContain('<script');
  });
});
