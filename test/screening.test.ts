import { DeclarationsRepository } from '../src/modules/declarations/declarations.repository.js';
import { ScreeningReconciler } from '../src/modules/screening/screening-reconciler.service.js';
import { WatchlistService } from '../src/modules/watchlist/watchlist.service.js';
import { acceptedOnDay, settled, submit } from './support/api.js';
import { declarationBody, eventually, hoursFromNow, uniqueVnPlate } from './support/factories.js';
import { startTestApp, startWithCompany, type TestApp, type TestCompany } from './support/test-app.js';

const codes = (declaration: { reasons: { code: string }[] }): string[] => declaration.reasons.map((r) => r.code).sort();

describe('screening', () => {
  let t: TestApp;
  let company: TestCompany;

  beforeAll(async () => ({ t, company } = await startWithCompany()));
  afterAll(() => t.close());

  async function submitAndSettle(body: ReturnType<typeof declarationBody>): Promise<any> {
    const res = await submit(t, company.apiKey, body);
    expect(res.statusCode).toBe(202);
    return settled(t, company.apiKey, res.json().id);
  }

  it('rejects a second active declaration for the same vehicle, leaving the first accepted', async () => {
    const plate = uniqueVnPlate();
    const first = await submitAndSettle(declarationBody({ vehicle: { plate, nationality: 'VN' } }));
    const second = await submitAndSettle(
      declarationBody({ vehicle: { plate: plate.toLowerCase(), nationality: 'VN' } }),
    );

    expect(first.status).toBe('accepted');
    expect(second.status).toBe('rejected');
    expect(codes(second)).toEqual(['VEHICLE.ALREADY_ACTIVE']);
    expect(second.reasons[0].message).toContain(first.reference);
    expect(second.timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'rejected']);
  });

  it('accepts exactly one of many simultaneous declarations for one vehicle', async () => {
    const plate = uniqueVnPlate();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        submit(t, company.apiKey, declarationBody({ vehicle: { plate, nationality: 'VN' } })),
      ),
    );
    const results = await Promise.all(answers.map((a) => settled(t, company.apiKey, a.json().id)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual(['accepted', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect(codes(r)).toEqual(['VEHICLE.ALREADY_ACTIVE']);
  });

  describe('watchlist', () => {
    it('rejects a vehicle whose plate is listed, in whatever spelling it was listed', async () => {
      const plate = uniqueVnPlate();
      await t.app
        .get(WatchlistService)
        .add('plate', ` ${plate.toLowerCase().replace('-', ' ')} `, 'stolen vehicle report');
      const d = await submitAndSettle(declarationBody({ vehicle: { plate, nationality: 'VN' } }));
      expect(d.status).toBe('rejected');
      expect(codes(d)).toEqual(['WATCHLIST.VEHICLE']);
      expect(JSON.stringify(d.reasons)).not.toContain('stolen');
    });

    it('rejects a listed trailer', async () => {
      const trailer = `${uniqueVnPlate().slice(0, 2)}R-${uniqueVnPlate().slice(-6)}`;
      await t.app.get(WatchlistService).add('plate', trailer, 'unsafe trailer');
      const d = await submitAndSettle(
        declarationBody({ vehicle: { plate: uniqueVnPlate(), nationality: 'VN', trailerPlate: trailer } }),
      );
      expect(codes(d)).toEqual(['WATCHLIST.VEHICLE']);
    });

    it('rejects a listed driver, and accepts again once the entry is removed', async () => {
      const document = '020195012345';
      const watchlist = t.app.get(WatchlistService);
      await watchlist.add('document', document, 'forged licence');
      const driver = { fullName: 'Hoàng Văn Bình', documentNumber: document, nationality: 'VN' };
      const listed = await submitAndSettle(declarationBody({ driver }));
      expect(listed.status).toBe('rejected');
      expect(codes(listed)).toEqual(['WATCHLIST.DRIVER']);

      expect(await watchlist.remove('document', document)).toBe(1);
      const cleared = await submitAndSettle(declarationBody({ driver }));
      expect(cleared.status).toBe('accepted');
    });
  });

  describe('arrival window', () => {
    it('rejects an arrival more than two hours in the past', async () => {
      const d = await submitAndSettle(declarationBody({ expectedArrivalAt: hoursFromNow(-3) }));
      expect(codes(d)).toEqual(['ARRIVAL.OUTSIDE_WINDOW']);
    });

    it('rejects an arrival more than seven days ahead', async () => {
      const d = await submitAndSettle(declarationBody({ expectedArrivalAt: hoursFromNow(8 * 24) }));
      expect(codes(d)).toEqual(['ARRIVAL.OUTSIDE_WINDOW']);
    });

    it('accepts an arrival an hour ago (a truck already on its way)', async () => {
      const d = await submitAndSettle(declarationBody({ expectedArrivalAt: hoursFromNow(-1) }));
      expect(d.status).toBe('accepted');
    });
  });

  it('reports every reason that applies at once', async () => {
    const document = '020195099999';
    await t.app.get(WatchlistService).add('document', document, 'x');
    const d = await submitAndSettle(
      declarationBody({
        expectedArrivalAt: hoursFromNow(-5),
        driver: { fullName: 'Trần Thị Cúc', documentNumber: document, nationality: 'VN' },
      }),
    );
    expect(codes(d)).toEqual(['ARRIVAL.OUTSIDE_WINDOW', 'WATCHLIST.DRIVER']);
  });

  it("never accepts more than the gate's capacity for that day and direction, even all at once", async () => {
    const arrival = hoursFromNow(6 * 24);
    await t.sql.rows(`UPDATE gate SET capacity_import_per_day = 3 WHERE code = 'TAN_THANH'`);
    try {
      const answers = await Promise.all(
        Array.from({ length: 7 }, () =>
          submit(
            t,
            company.apiKey,
            declarationBody({ gate: 'TAN_THANH', direction: 'import', expectedArrivalAt: arrival }),
          ),
        ),
      );
      const results = await Promise.all(answers.map((a) => settled(t, company.apiKey, a.json().id)));
      const accepted = results.filter((r) => r.status === 'accepted');
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(accepted).toHaveLength(3);
      expect(rejected).toHaveLength(4);
      for (const r of rejected) {
        expect(codes(r)).toEqual(['GATE.CAPACITY_FULL']);
        expect(r.reasons[0].message).toContain('TAN_THANH has no import capacity left on');
      }
      expect(await acceptedOnDay(t, 'TAN_THANH', 'import', arrival)).toBe(3);

      // Export capacity of the same gate and day is separate.
      const exportDecl = await submitAndSettle(
        declarationBody({ gate: 'TAN_THANH', direction: 'export', expectedArrivalAt: arrival }),
      );
      expect(exportDecl.status).toBe('accepted');
    } finally {
      await t.sql.rows(`UPDATE gate SET capacity_import_per_day = 450 WHERE code = 'TAN_THANH'`);
    }
  });
});

describe('screening failures and re-driving', () => {
  it('leaves a declaration visibly failed after the last attempt, and an operator retry screens it', async () => {
    const t = await startTestApp({ SCREENING_ATTEMPTS: '2', SCREENING_BACKOFF_MS: '20' });
    const company = await t.createCompany();
    try {
      // Break screening for real: the table it reads disappears.
      await t.sql.rows('ALTER TABLE watchlist_entry RENAME TO watchlist_entry_hidden');
      let id: string;
      try {
        id = (await submit(t, company.apiKey, declarationBody())).json().id;
        const failed = await eventually(async () => {
          const row = await t.sql.one<{
            screening_state: string;
            screening_error: string | null;
            status: string;
            version: number;
          }>('SELECT status, version, screening_state, screening_error FROM declaration WHERE id = $1', [id]);
          return row?.screening_state === 'failed' ? row : undefined;
        });
        expect(failed.status).toBe('submitted');
        expect(failed.screening_error).toContain('watchlist_entry');
      } finally {
        await t.sql.rows('ALTER TABLE watchlist_entry_hidden RENAME TO watchlist_entry');
      }

      const shown = await t.request({
        method: 'GET',
        url: `/api/v1/declarations/${id}`,
        headers: { authorization: `Bearer ${company.apiKey}` },
      });
      expect(shown.json().screening.state).toBe('failed');
      const health = (await t.request({ method: 'GET', url: '/health' })).json();
      expect(health.checks.worker.failedScreenings).toBeGreaterThanOrEqual(1);

      // What `npm run cli -- screening:retry --id` does.
      expect(await t.app.get(DeclarationsRepository).resetFailedScreening(id)).toBe(1);
      expect(await t.app.get(ScreeningReconciler).redrive(id, 1, true)).toBe('retried');
      const done = await settled(t, company.apiKey, id);
      expect(done.status).toBe('accepted');
      expect(done.screening).toEqual({ state: 'done', error: null });
    } finally {
      await t.close();
    }
  });

  it('re-drives a declaration whose job was lost after relaying', async () => {
    // An API-only process writes the declaration and its outbox message; nothing consumes them yet.
    const api = await startTestApp({ APP_ROLE: 'api' });
    const company = await api.createCompany();
    const id = (await submit(api, company.apiKey, declarationBody())).json().id;
    // Pretend the relay handed the job to a Redis that then lost it.
    await api.sql.rows(`UPDATE outbox_message SET relayed_at = now() WHERE payload->>'declarationId' = $1`, [id]);
    await api.close();

    const worker = await startTestApp({ RECONCILE_INTERVAL_MS: '100', RECONCILE_STALE_AFTER_MS: '200' });
    try {
      const done = await settled(worker, company.apiKey, id);
      expect(done.status).toBe('accepted');
      const events = await worker.sql.rows<{ to_status: string }>(
        'SELECT to_status FROM declaration_event WHERE declaration_id = $1 ORDER BY id',
        [id],
      );
      expect(events.map((e) => e.to_status)).toEqual(['submitted', 'accepted']);
    } finally {
      await worker.close();
    }
  });
});
