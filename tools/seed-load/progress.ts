/** Where progress goes: the terminal (redrawn in place) or a log (a line every tenth). */
export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 30;

/** `[██████░░░░]  42.0%  420,000/1,000,000 declarations  12,345/s  ETA 47s` */
export function progressLine(done: number, total: number, elapsedSeconds: number): string {
  const fraction = total > 0 ? Math.min(done / total, 1) : 1;
  const filled = Math.round(fraction * BAR_WIDTH);
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const eta = rate > 0 ? Math.ceil((total - done) / rate) : null;
  return (
    `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}%  ` +
    `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} declarations  ` +
    `${Math.round(rate).toLocaleString('en-US')}/s  ETA ${eta === null ? '?' : formatSeconds(eta)}`
  );
}

export function formatSeconds(seconds: number): string {
  return seconds >= 60
    ? `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`
    : `${seconds}s`;
}

/** A progress bar on a TTY (redrawn with `\r`), ten lines otherwise, nothing when quiet. */
export class Progress {
  private readonly started = performance.now();
  private lastTenth = -1;
  private lastDraw = 0;
  private barShown = false;

  constructor(
    private readonly total: number,
    private readonly out: ProgressOutput | null,
  ) {}

  update(done: number): void {
    if (!this.out) return;
    const elapsed = (performance.now() - this.started) / 1000;
    if (this.out.isTTY) {
      if (performance.now() - this.lastDraw < 100 && done < this.total) return;
      this.lastDraw = performance.now();
      this.barShown = true;
      this.out.write(`\r${progressLine(done, this.total, elapsed)}`);
      return;
    }
    const tenth = this.total > 0 ? Math.floor((done / this.total) * 10) : 10;
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.out.write(`${progressLine(done, this.total, elapsed)}\n`);
  }

  /** A line of its own (below the bar, if one is drawn). */
  note(text: string): void {
    if (!this.out) return;
    this.out.write(`${this.barShown ? '\n' : ''}${text}\n`);
    this.barShown = false;
  }
}
