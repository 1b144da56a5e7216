import { createHash } from 'node:crypto';
import { AuditChain, auditPayload, type ChainedFields, jsonbReasons, microsecondsUtc } from './audit-chain.js';

const record: ChainedFields = {
  declarationId: '0b3f5c1e-2d4a-4b6c-8d9e-0f1a2b3c4d5e',
  stepId: null,
  action: 'transition',
  from: 'submitted',
  to: 'rejected',
  actor: 'system:screening',
  agency: null,
  gate: 'HUU_NGHI',
  note: null,
  reasons: [{ code: 'GATE.CAPACITY_FULL', message: 'HUU_NGHI has no export capacity left on 2025-06-02' }],
  at: Date.UTC(2025, 5, 2, 3, 4, 5, 67),
};

describe('audit chain in Node', () => {
  it("writes reasons as PostgreSQL prints jsonb (keys by length, ': ' and ', ')", () => {
    expect(jsonbReasons(record.reasons ?? [])).toBe(
      '[{"code": "GATE.CAPACITY_FULL", "message": "HUU_NGHI has no export capacity left on 2025-06-02"}]',
    );
    expect(jsonbReasons([])).toBe('[]');
  });

  it('builds the payload audit_payload() builds: fields joined by |, nulls empty, time in microseconds', () => {
    expect(microsecondsUtc('2025-06-02T03:04:05.067Z')).toBe('2025-06-02T03:04:05.067000Z');
    expect(auditPayload(7, record)).toBe(
      '7|0b3f5c1e-2d4a-4b6c-8d9e-0f1a2b3c4d5e||transition|submitted|rejected|system:screening||HUU_NGHI||' +
        '[{"code": "GATE.CAPACITY_FULL", "message": "HUU_NGHI has no export capacity left on 2025-06-02"}]|' +
        '2025-06-02T03:04:05.067000Z',
    );
  });

  it('links each record to the one before: hash = sha256(prev_hash ‖ payload), seq counting on', () => {
    const genesis = Buffer.from([0]);
    const chain = new AuditChain(0, genesis);
    const first = chain.append(record);
    const second = chain.append({ ...record, note: 'Ghi chú có dấu' });
    const sha = (prev: Buffer, payload: string) => createHash('sha256').update(prev).update(payload, 'utf8').digest();
    expect(first).toEqual({ seq: 1, prevHash: genesis, hash: sha(genesis, auditPayload(1, record)) });
    expect(second.prevHash).toEqual(first.hash);
    expect(second.hash).toEqual(sha(first.hash, auditPayload(2, { ...record, note: 'Ghi chú có dấu' })));
    expect([chain.seq, chain.hash]).toEqual([2, second.hash]);
  });

  it('copes with a payload longer than its scratch buffer', () => {
    const chain = new AuditChain(0, Buffer.from([0]));
    const long = { ...record, note: 'x'.repeat(10_000) };
    const link = chain.append(long);
    expect(link.hash).toEqual(
      createHash('sha256')
        .update(Buffer.from([0]))
        .update(auditPayload(1, long))
        .digest(),
    );
  });
});
