import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignatureHeader } from './webhook-signature.js';

const secret = 'whsec_test-secret';
const body = '{"id":"d1","type":"declaration.accepted"}';
const at = new Date('2026-11-27T08:00:00.000Z');

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 under the whole secret', () => {
    const t = at.getTime() / 1000;
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signatureHeader(secret, body, at)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies its own signature within the tolerance', () => {
    const header = signatureHeader(secret, body, at);
    expect(verifySignatureHeader(secret, header, body, new Date(at.getTime() + 299_000))).toBe(true);
    expect(verifySignatureHeader(secret, header, body, new Date(at.getTime() - 299_000))).toBe(true);
  });

  it('refuses another body, another secret, a stale or future timestamp and malformed headers', () => {
    const header = signatureHeader(secret, body, at);
    expect(verifySignatureHeader(secret, header, `${body} `, at)).toBe(false);
    expect(verifySignatureHeader('whsec_other', header, body, at)).toBe(false);
    expect(verifySignatureHeader(secret, header, body, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifySignatureHeader(secret, header, body, new Date(at.getTime() - 301_000))).toBe(false);
    expect(verifySignatureHeader(secret, header.replace(/v1=\w{2}/, 'v1=00'), body, at)).toBe(false);
    expect(verifySignatureHeader(secret, header.split(',')[0], body, at)).toBe(false);
    expect(verifySignatureHeader(secret, 'garbage', body, at)).toBe(false);
  });
});
