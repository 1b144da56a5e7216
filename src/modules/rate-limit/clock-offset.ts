// A sample older than this is replaced by the next one, however slow, so a drifting or stepped clock is followed.
const SAMPLE_MAX_AGE_MS = 60_000;

/**
 * How far another host's clock (Redis `TIME`) is ahead of this process's, estimated from round trips: each
 * sample is the remote time against the middle of its round trip, so its error is at most half the round trip.
 * The sample with the shortest round trip wins until it is a minute old. Pure: the caller passes the times.
 */
export class ClockOffset {
  private best: { offsetMs: number; roundTripMs: number; takenAt: number } | null = null;

  get known(): boolean {
    return this.best !== null;
  }

  /** One round trip sent at `sentAt`, answered at `receivedAt` (local clock), whose remote clock read `remoteMs`. */
  observe(sentAt: number, receivedAt: number, remoteMs: number): void {
    const roundTripMs = receivedAt - sentAt;
    const best = this.best;
    if (best && roundTripMs > best.roundTripMs && receivedAt - best.takenAt < SAMPLE_MAX_AGE_MS) return;
    this.best = { offsetMs: remoteMs - (sentAt + receivedAt) / 2, roundTripMs, takenAt: receivedAt };
  }

  /** Forgets the estimate: the remote side showed it wrong. */
  reset(): void {
    this.best = null;
  }

  /** `localMs` on the remote clock. */
  toRemote(localMs: number): number {
    if (!this.best) throw new Error('clock offset not known yet');
    return Math.round(localMs + this.best.offsetMs);
  }
}
