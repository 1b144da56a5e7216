import { CheckpointSigner } from './audit-checkpoint.js';

const SECRET = 'a-current-secret-of-at-least-32-characters';
const OLD = 'the-previous-secret-of-at-least-32-characters';
const head = { seq: 42, hash: 'ab'.repeat(32), at: '2026-12-07T04:00:00.000Z' };

describe('CheckpointSigner', () => {
  it('verifies what it signed, and nothing changed after signing', () => {
    const signer = new CheckpointSigner(SECRET);
    const checkpoint = signer.sign(head);
    expect(signer.verify(checkpoint)).toBe(true);
    expect(signer.verify({ ...checkpoint, seq: 41 })).toBe(false);
    expect(signer.verify({ ...checkpoint, hash: 'cd'.repeat(32) })).toBe(false);
    expect(signer.verify({ ...checkpoint, at: '2026-12-07T04:00:01.000Z' })).toBe(false);
    expect(signer.verify({ ...checkpoint, sig: checkpoint.sig.slice(0, 62) })).toBe(false);
  });

  it('refuses a line signed with another key, and anything not shaped like a checkpoint', () => {
    const forged = new CheckpointSigner('somebody-else-s-secret-0123456789abcdef').sign(head);
    expect(new CheckpointSigner(SECRET).verify(forged)).toBe(false);
    for (const junk of [null, 'text', 42, {}, { ...forged, v: 2 }, { ...forged, seq: -1 }, { ...forged, seq: '42' }])
      expect(new CheckpointSigner(SECRET).verify(junk)).toBe(false);
  });

  it('accepts checkpoints of the previous key after a rotation, and signs only with the current one', () => {
    const before = new CheckpointSigner(OLD).sign(head);
    const rotated = new CheckpointSigner(SECRET, OLD);
    expect(rotated.verify(before)).toBe(true);
    expect(rotated.sign(head).kid).toBe(new CheckpointSigner(SECRET).sign(head).kid);
    expect(rotated.sign(head).kid).not.toBe(before.kid);
    expect(new CheckpointSigner(SECRET).verify(before)).toBe(false);
  });

  it('uses a key of its own: the signature is not an HMAC with the secret itself', async () => {
    const { createHmac } = await import('node:crypto');
    const plain = createHmac('sha256', SECRET).update(`audit-checkpoint|v1|42|${head.hash}|${head.at}`).digest('hex');
    expect(new CheckpointSigner(SECRET).sign(head).sig).not.toBe(plain);
  });
});
