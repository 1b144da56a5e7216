import { formatSeconds, Progress, progressLine } from './progress.js';

describe('progress', () => {
  it('draws a bar with the share done, the rate and the time left', () => {
    expect(progressLine(250_000, 1_000_000, 10)).toBe(
      '[████████░░░░░░░░░░░░░░░░░░░░░░]  25.0%  250,000/1,000,000 declarations  25,000/s  ETA 30s',
    );
    expect(formatSeconds(125)).toBe('2m05s');
  });

  it('writes about ten lines to a log, none when quiet', () => {
    const lines: string[] = [];
    const progress = new Progress(1000, { isTTY: false, write: (t) => lines.push(t) });
    for (let done = 0; done <= 1000; done += 10) progress.update(done);
    progress.note('done');
    expect(lines.length).toBe(12);
    expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
    const quiet = new Progress(1000, null);
    quiet.update(500);
    quiet.note('nothing');
  });

  it('redraws in place on a terminal, and starts a new line for a note', () => {
    const out: string[] = [];
    const progress = new Progress(10, { isTTY: true, write: (t) => out.push(t) });
    progress.update(10);
    progress.note('done');
    expect(out[0].startsWith('\r[')).toBe(true);
    expect(out[1]).toBe('\ndone\n');
  });
});
