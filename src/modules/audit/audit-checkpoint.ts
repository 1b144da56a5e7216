import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** The audit chain's head at one moment, as written to the checkpoint file (one JSON line each). */
export interface AuditCheckpoint {
  v: 1;
  /** The last sealed record's seq: the number of records the chain held. */
  seq: number;
  /** That record's hash, hex. */
  hash: string;
  /** When the checkpoint was taken (ISO 8601, UTC). */
  at: string;
  /** Which key signed it (a fingerprint of the key, never the key). */
  kid: string;
  /** HMAC-SHA256 of the fields above, hex. */
  sig: string;
}

export type UnsignedCheckpoint = Pick<AuditCheckpoint, 'seq' | 'hash' | 'at'>;

// A key of its own, derived from the token secret: a checkpoint signature can never pass as a token's, or back.
const KEY_INFO = 'border-gate audit checkpoint v1';

interface CheckpointKey {
  kid: string;
  key: Buffer;
}

function deriveKey(secret: string): CheckpointKey {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), KEY_INFO, 32));
  return { kid: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

const signed = (c: UnsignedCheckpoint): string => `audit-checkpoint|v1|${c.seq}|${c.hash}|${c.at}`;

/**
 * Signs checkpoints with the key derived from the current secret, and checks them against the current and the
 * previous one (so checkpoints written before a key rotation still verify).
 */
export class CheckpointSigner {
  private readonly current: CheckpointKey;
  private readonly accepted: CheckpointKey[];

  constructor(secret: string, previousSecret = '') {
    this.current = deriveKey(secret);
    this.accepted = previousSecret ? [this.current, deriveKey(previousSecret)] : [this.current];
  }

  sign(checkpoint: UnsignedCheckpoint): AuditCheckpoint {
    const sig = createHmac('sha256', this.current.key).update(signed(checkpoint)).digest('hex');
    return { v: 1, seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at, kid: this.current.kid, sig };
  }

  /** True when the line is a well-formed checkpoint signed by an accepted key. */
  verify(checkpoint: unknown): checkpoint is AuditCheckpoint {
    if (!isCheckpointShape(checkpoint)) return false;
    const key = this.accepted.find((k) => k.kid === checkpoint.kid);
    if (!key) return false;
    const expected = createHmac('sha256', key.key).update(signed(checkpoint)).digest();
    const given = Buffer.from(checkpoint.sig, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function isCheckpointShape(value: unknown): value is AuditCheckpoint {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    c.v === 1 &&
    Number.isSafeInteger(c.seq) &&
    (c.seq as number) >= 0 &&
    typeof c.hash === 'string' &&
    /^[0-9a-f]+$/.test(c.hash) &&
    typeof c.at === 'string' &&
    typeof c.kid === 'string' &&
    typeof c.sig === 'string' &&
    /^[0-9a-f]{64}$/.test(c.sig)
  );
}
