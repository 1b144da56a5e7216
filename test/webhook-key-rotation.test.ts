import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthConfig } from '../src/config/config-groups.js';
import type { DomainEvent } from '../src/modules/events/domain-event.js';
import { WebhookFanout } from '../src/modules/webhooks/webhook-fanout.service.js';
import { WebhookSecrets } from '../src/modules/webhooks/webhook-secrets.service.js';
import { settled, submit } from './support/api.js';
import { declarationBody, eventually } from './support/factories.js';
import { startTestApp } from './support/test-app.js';
import { TEST_AUTH_TOKEN_SECRET } from './support/test-env.js';

const NEW_SECRET = `rotated-${randomBytes(24).toString('base64url')}`;
const SETTINGS = {
  EVENTS_DISPATCHER_ENABLED: 'false', // the test hands its one event to the fan-out itself
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOK_BACKOFF_MS: '50',
  WEBHOOK_TIMEOUT_MS: '1000',
};

const sealedWith = (tokenSecret: string) => new WebhookSecrets({ tokenSecret, tokenPreviousSecret: '' } as AuthConfig);

/**
 * Rotating AUTH_TOKEN_SECRET (old value kept as AUTH_TOKEN_PREVIOUS_SECRET) keeps webhooks working: the secret
 * sealed under the old key is opened with it, the delivery is signed with the company's same secret, and the
 * stored value is sealed again under the new key, so the old key can later be retired.
 */
describe('webhook secrets across a token key rotation', () => {
  const received: { body: string; signature: string }[] = [];
  let receiver: Server;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ body, signature: String(req.headers['x-bordergate-signature']) });
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => receiver.close(resolve)));

  it('delivers, signed with the same secret, and seals it again under the new key', async () => {
    const path = `/rotation-${randomBytes(4).toString('hex')}`;
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}${path}`;

    const before = await startTestApp(SETTINGS);
    let hook: { id: string; secret: string };
    let apiKey: string;
    try {
      ({ apiKey } = await before.createCompany('Rotation Co'));
      const res = await before.request({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: { authorization: `Bearer ${apiKey}` },
        payload: { url, events: ['declaration.accepted'] },
      });
      expect(res.statusCode).toBe(201);
      hook = res.json();
    } finally {
      await before.close();
    }

    const after = await startTestApp({
      ...SETTINGS,
      AUTH_TOKEN_SECRET: NEW_SECRET,
      AUTH_TOKEN_PREVIOUS_SECRET: TEST_AUTH_TOKEN_SECRET,
    });
    try {
      const declaration = await settled(after, apiKey, (await submit(after, apiKey, declarationBody())).json().id);
      expect(declaration.status).toBe('accepted');
      const row = await eventually(() =>
        after.sql
          .one<any>(
            `SELECT e.seq, e.at, d.id, d.company_id, d.reference, d.plate, d.gate_code, d.direction
               FROM declaration_event e JOIN declaration d ON d.id = e.declaration_id
              WHERE d.id = $1 AND e.to_status = 'accepted' AND e.seq IS NOT NULL`,
            [declaration.id],
          )
          .then((found) => found ?? undefined),
      );
      const event: DomainEvent = {
        seq: Number(row.seq),
        type: 'declaration.accepted',
        occurredAt: row.at.toISOString(),
        declarationId: row.id,
        companyId: row.company_id,
        reference: row.reference,
        plate: row.plate,
        gate: row.gate_code,
        direction: row.direction,
        status: 'accepted',
        step: null,
      };
      await after.sql.dataSource.transaction((m) => after.app.get(WebhookFanout).createDeliveries(m, [event]));

      const delivered = await eventually(
        () => Promise.resolve(received.find((r) => r.body.includes(row.id))),
        10_000,
        'the delivery',
      );
      const t0 = /^t=(\d+)/.exec(delivered.signature)![1];
      const expected = createHmac('sha256', hook.secret).update(`${t0}.${delivered.body}`).digest('hex');
      expect(delivered.signature).toBe(`t=${t0},v1=${expected}`);

      const stored = await after.sql.one<{ secret_encrypted: string }>(
        'SELECT secret_encrypted FROM webhook WHERE id = $1',
        [hook.id],
      );
      // Sealed again: the new key alone opens it now, the old one no longer does.
      expect(sealedWith(NEW_SECRET).open(stored!.secret_encrypted, hook.id)).toBe(hook.secret);
      expect(() => sealedWith(TEST_AUTH_TOKEN_SECRET).open(stored!.secret_encrypted, hook.id)).toThrow();
    } finally {
      await after.request({
        method: 'DELETE',
        url: `/api/v1/webhooks/${hook.id}`,
        headers: { authorization: `Bearer ${apiKey}` },
      });
      await after.close();
    }
  });
});
