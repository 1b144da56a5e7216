import { createLogger } from '../src/common/logging/logger.js';
import { settled, submit } from './support/api.js';
import { expectError } from './support/errors.js';
import { declarationBody, machines } from './support/factories.js';
import { gateCrew, officer, postAs, type AgencyName, type TestOfficer } from './support/officers.js';
import { emptyQueues } from './support/queues.js';
import { startTestApp, type TestApp, type TestCompany } from './support/test-app.js';

const GATE = 'TAN_THANH';

// What officers read of a declaration at the barrier, and how the supervisors of a gate manage its officers.
describe('officer administration and the officers’ view of a declaration', () => {
  const logLines: string[] = [];
  let t: TestApp;
  let company: TestCompany;
  let crew: Record<AgencyName, TestOfficer>;

  beforeAll(async () => {
    // The production logger (JSON, redaction) writing into this array: what must never be logged is looked for here.
    const logger = createLogger('debug', { write: (line: string) => void logLines.push(line) });
    t = await startTestApp({ LOG_LEVEL: 'debug' }, logger);
    company = await t.createCompany();
    crew = await gateCrew(t, GATE);
  });
  afterAll(async () => {
    await emptyQueues(t, GATE, crew, 'cleared away by officer-admin.test');
    await t.close();
  });

  const get = (url: string, who: TestOfficer | null, headers: Record<string, string> = {}) =>
    t.request({ method: 'GET', url, headers: { ...(who ? who.headers : {}), ...headers } });

  async function accepted(gate = GATE): Promise<any> {
    const res = await submit(
      t,
      company.apiKey,
      declarationBody({
        gate,
        cargo: { ...machines, customsDeclarationNumber: '305123456789' },
        driver: { fullName: 'Trần Thị Bình', documentNumber: '020090007777', nationality: 'VN', phone: '+84912000777' },
      }),
    );
    expect(res.statusCode).toBe(202);
    const d = await settled(t, company.apiKey, res.json().id);
    expect(d.status).toBe('accepted');
    return d;
  }

  /** Claims from an agency's queue until it reaches this declaration's step, refusing other trucks. */
  async function claimFor(agency: AgencyName, declarationId: string): Promise<any> {
    for (;;) {
      const res = await postAs(t, crew[agency], `/api/v1/gates/${GATE}/queues/${agency}/claim`);
      expect(res.statusCode).toBe(200);
      const step = res.json();
      if (step.declarationId === declarationId) return step;
      const other = await postAs(t, crew[agency], `/api/v1/steps/${step.id}/decision`, {
        decision: 'refuse',
        note: 'not this test’s truck',
      });
      expect(other.statusCode).toBe(200);
    }
  }

  describe('GET /gates/:gate/declarations/:id', () => {
    it('gives any officer posted at the gate the declaration in full, before arrival', async () => {
      const d = await accepted();
      for (const agency of ['customs', 'border_guard', 'quarantine', 'yard', 'supervisor'] as const) {
        const res = await get(`/api/v1/gates/${GATE}/declarations/${d.id}`, crew[agency]);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({
          id: d.id,
          reference: d.reference,
          status: 'accepted',
          version: d.version,
          gate: GATE,
          direction: 'export',
          tripKind: 'through',
          handover: null,
          feeExemptionCode: null,
          feeQuote: d.feeQuote,
          expectedArrivalAt: d.expectedArrivalAt,
          arrivedAt: null,
          exitedAt: null,
          vehicle: d.vehicle,
          driver: {
            fullName: 'Trần Thị Bình',
            documentNumber: '020090007777',
            documentKind: 'vn_citizen_id',
            nationality: 'VN',
            phone: '+84912000777',
          },
          cargo: {
            description: machines.description,
            hsCode: machines.hsCode,
            grossWeightKg: machines.grossWeightKg,
            perishable: false,
            customsDeclarationNumber: '305123456789',
            quarantineRequired: false,
            regime: 'standard',
          },
          slot: null,
          regulationYard: null,
          steps: [],
          timeline: d.timeline,
        });
      }
      expect(d.feeQuote).toMatchObject({ amount: 2_200_000, currency: 'VND', basis: { vehicleClass: 'VT4' } });
      expect(d.vehicle.plateDisplay).toMatch(/-/);
      expect(d.vehicle.trailerPlate).not.toBeNull();
      expect(d.vehicle.containerNumber).not.toBeNull();
    });

    it('shows the steps in the yard with who claimed and who decided each, and when', async () => {
      const d = await accepted();
      const checkIn = await postAs(t, crew.yard, `/api/v1/gates/${GATE}/check-ins`, { plate: d.vehicle.plate });
      expect(checkIn.statusCode).toBe(201);
      const step = await claimFor('customs', d.id);
      const claimed = (await get(`/api/v1/gates/${GATE}/declarations/${d.id}`, crew.border_guard)).json();
      expect(claimed.status).toBe('in_yard');
      expect(claimed.arrivedAt).toEqual(expect.any(String));
      expect(claimed.steps.find((s: any) => s.agency === 'customs')).toMatchObject({
        id: step.id,
        status: 'claimed',
        claimedBy: { id: crew.customs.id, username: crew.customs.username },
        decidedBy: null,
        decidedAt: null,
      });

      const decided = await postAs(t, crew.customs, `/api/v1/steps/${step.id}/decision`, {
        decision: 'pass',
        note: 'Seals intact',
      });
      expect(decided.statusCode).toBe(200);
      const res = await get(`/api/v1/gates/${GATE.toLowerCase()}/declarations/${d.id.toUpperCase()}`, crew.yard);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.steps.map((s: any) => s.agency)).toEqual(['customs', 'border_guard', 'yard']);
      expect(body.steps[0]).toMatchObject({
        agency: 'customs',
        kind: 'inspection',
        status: 'passed',
        note: 'Seals intact',
        decidedBy: { id: crew.customs.id, username: crew.customs.username },
        decidedAt: expect.any(String),
      });
      expect(body.steps[1]).toMatchObject({ agency: 'border_guard', status: 'waiting', decidedBy: null });
      expect(body.timeline.map((e: any) => e.status)).toEqual(['submitted', 'accepted', 'in_yard']);
    });

    it('answers 404 for a declaration of another gate, an unknown id or a malformed one', async () => {
      const elsewhere = await accepted('HUU_NGHI');
      const bothGates = await officer(t, 'customs', ['HUU_NGHI', GATE]);
      for (const id of [elsewhere.id, '7d3c52f4-6a3e-4c43-9b0e-2f4a4b0c8a11', 'not-a-uuid']) {
        const res = await get(`/api/v1/gates/${GATE}/declarations/${id}`, bothGates);
        expect(expectError(res, 404, 'DECLARATION.NOT_FOUND').message).toContain('check the id and the gate');
      }
      expect((await get(`/api/v1/gates/HUU_NGHI/declarations/${elsewhere.id}`, bothGates)).statusCode).toBe(200);
    });

    it('refuses officers not posted at the gate, companies, and requests without a token', async () => {
      const d = await accepted();
      const url = `/api/v1/gates/${GATE}/declarations/${d.id}`;
      const elsewhere = await officer(t, 'supervisor', ['HUU_NGHI']);
      expect(expectError(await get(url, elsewhere), 403, 'AUTH.FORBIDDEN').details).toEqual({ gate: GATE });
      expectError(await get(url, null, { authorization: `Bearer ${company.apiKey}` }), 403, 'AUTH.WRONG_PRINCIPAL');
      expectError(await get(url, null), 401, 'AUTH.TOKEN_MISSING');
      expectError(
        await get(`/api/v1/gates/NOWHERE/declarations/${d.id}`, crew.customs),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
    });

    it('answers in the language asked for', async () => {
      const res = await get(`/api/v1/gates/${GATE}/declarations/7d3c52f4-6a3e-4c43-9b0e-2f4a4b0c8a11`, crew.customs, {
        'accept-language': 'vi',
      });
      expect(expectError(res, 404, 'DECLARATION.NOT_FOUND').message).toBe(
        'Không có tờ khai này tại Cửa khẩu Tân Thanh; hãy kiểm tra mã và cửa khẩu',
      );
    });

    it('never writes the driver’s document number or phone to the logs', () => {
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.filter((line) => line.includes('020090007777') || line.includes('912000777'))).toEqual([]);
    });
  });

  describe('officer administration', () => {
    const PASSWORD = 'a long enough password';
    let seq = 0;
    const username = (prefix = 'new') => `${prefix}.${Date.now().toString(36)}.${(seq += 1)}`;

    const login = (name: string, password: string) =>
      t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: name, password } });
    const me = (token: string) =>
      t.request({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    const send = (
      method: 'POST' | 'PUT',
      url: string,
      who: TestOfficer,
      payload: unknown = {},
      headers: Record<string, string> = {},
    ) => t.request({ method, url, headers: { ...who.headers, ...headers }, payload });

    async function created(
      by: TestOfficer,
      fields: Partial<{ username: string; agency: string; gates: string[] }> = {},
    ): Promise<any> {
      const res = await send('POST', '/api/v1/officers', by, {
        username: username(),
        password: PASSWORD,
        agency: 'customs',
        gates: [GATE],
        ...fields,
      });
      expect(res.statusCode).toBe(201);
      return res.json();
    }

    async function tokenOf(name: string, password = PASSWORD): Promise<string> {
      const res = await login(name, password);
      expect(res.statusCode).toBe(200);
      return res.json().accessToken as string;
    }

    const changes = (officerId: string) =>
      t.sql.rows<{ action: string; actor: string; changes: Record<string, unknown> }>(
        'SELECT action, actor, changes FROM officer_change WHERE officer_id = $1 ORDER BY id',
        [officerId],
      );
    const officerCount = async () => (await t.sql.one<{ n: number }>('SELECT count(*)::int AS n FROM officer'))!.n;

    it('lists the officers posted at the gate for its supervisor, with their state', async () => {
      const locked = await created(crew.supervisor);
      await t.sql.rows(
        `INSERT INTO login_throttle (key, scope, failures, window_started_at, last_failure_at, blocked_until)
            SELECT encode(sha256(convert_to('officer:' || username, 'UTF8')), 'hex'), 'account', 5, now(), now(),
                   now() + interval '10 minutes'
              FROM officer WHERE id = $1`,
        [locked.id],
      );
      const res = await get(`/api/v1/officers?gate=${GATE.toLowerCase()}`, crew.supervisor);
      expect(res.statusCode).toBe(200);
      const list = res.json();
      expect(list.map((o: any) => o.username)).toEqual([...list.map((o: any) => o.username)].sort());
      expect(list.every((o: any) => o.gates.includes(GATE))).toBe(true);
      expect(list.find((o: any) => o.id === crew.customs.id)).toEqual({
        id: crew.customs.id,
        username: crew.customs.username,
        agency: 'customs',
        gates: [GATE],
        createdAt: expect.any(String),
        disabledAt: null,
        lockedUntil: null,
      });
      expect(list.find((o: any) => o.id === locked.id).lockedUntil).toEqual(expect.any(String));
      expect(JSON.stringify(list)).not.toMatch(/password|scrypt/i);
    });

    it('refuses the list to other agencies, to supervisors of other gates, and without a gate', async () => {
      const customs = expectError(await get(`/api/v1/officers?gate=${GATE}`, crew.customs), 403, 'AUTH.FORBIDDEN');
      expect(customs.details).toEqual({ agency: 'customs', allowed: ['supervisor'] });
      const elsewhere = await officer(t, 'supervisor', ['HUU_NGHI']);
      expectError(await get(`/api/v1/officers?gate=${GATE}`, elsewhere), 403, 'AUTH.FORBIDDEN');
      const missing = expectError(await get('/api/v1/officers', crew.supervisor), 400, 'REQUEST.VALIDATION_FAILED');
      expect(missing.details.map((d: any) => d.field)).toEqual(['gate']);
      expectError(await get('/api/v1/officers?gate=MONG_CAI', crew.supervisor), 400, 'REQUEST.VALIDATION_FAILED');
    });

    it('creates an officer at the supervisor’s gate who can then log in, and records who created them', async () => {
      const name = username('Created');
      const account = await created(crew.supervisor, { username: name, agency: 'quarantine', gates: ['tan_thanh'] });
      expect(account).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        username: name.toLowerCase(),
        agency: 'quarantine',
        gates: [GATE],
        createdAt: expect.any(String),
        disabledAt: null,
        lockedUntil: null,
      });
      const token = await tokenOf(name);
      expect((await me(token)).json()).toMatchObject({ id: account.id, agency: 'quarantine', gates: [GATE] });
      expect(await changes(account.id)).toEqual([
        {
          action: 'created',
          actor: `officer:${crew.supervisor.id}`,
          changes: { username: name.toLowerCase(), agency: 'quarantine', gates: [GATE] },
        },
      ]);
    });

    it('lets a supervisor create supervisors for their gates, and post nobody at a gate they are not posted at', async () => {
      const supervisor = await created(crew.supervisor, { agency: 'supervisor' });
      expect(supervisor.agency).toBe('supervisor');
      const before = await officerCount();
      const res = await send('POST', '/api/v1/officers', crew.supervisor, {
        username: username(),
        password: PASSWORD,
        agency: 'customs',
        gates: [GATE, 'HUU_NGHI'],
      });
      const body = expectError(res, 403, 'AUTH.FORBIDDEN');
      expect(body.details).toEqual({ gates: ['HUU_NGHI'] });
      expect(body.message).toContain('HUU_NGHI');
      expectError(
        await send('POST', '/api/v1/officers', crew.customs, {
          username: username(),
          password: PASSWORD,
          agency: 'customs',
          gates: [GATE],
        }),
        403,
        'AUTH.FORBIDDEN',
      );
      expect(await officerCount()).toBe(before);
    });

    it('refuses bad input naming the field, and a taken username with 409, creating nobody', async () => {
      const valid = { username: username(), password: PASSWORD, agency: 'customs', gates: [GATE] };
      const before = await officerCount();
      const cases: [Record<string, unknown>, string][] = [
        [{ ...valid, username: 'a b' }, 'username'],
        [{ ...valid, username: 42 }, 'username'],
        [{ ...valid, password: 'short' }, 'password'],
        [{ ...valid, agency: 'police' }, 'agency'],
        [{ ...valid, gates: [] }, 'gates'],
        [{ ...valid, gates: ['MONG_CAI'] }, 'gates'],
        [{ ...valid, gates: 'TAN_THANH' }, 'gates'],
        [{ ...valid, role: 'admin' }, 'role'],
      ];
      for (const [payload, field] of cases) {
        const body = expectError(
          await send('POST', '/api/v1/officers', crew.supervisor, payload),
          400,
          'REQUEST.VALIDATION_FAILED',
        );
        expect(body.details.map((d: any) => d.field)).toContain(field);
        expect(JSON.stringify(body)).not.toContain(PASSWORD);
      }
      expect(await officerCount()).toBe(before);
      const taken = await send('POST', '/api/v1/officers', crew.supervisor, {
        ...valid,
        username: crew.customs.username.toUpperCase(),
      });
      expectError(taken, 409, 'CONFLICT.DUPLICATE');
      expect(await officerCount()).toBe(before);
    });

    it('disables an officer: their token is refused at once and they cannot log in; enabling lets them log in again', async () => {
      const account = await created(crew.supervisor);
      const token = await tokenOf(account.username);
      expect((await me(token)).statusCode).toBe(200);

      const off = await send('POST', `/api/v1/officers/${account.id}/disable`, crew.supervisor);
      expect(off.statusCode).toBe(200);
      expect(off.json()).toMatchObject({ id: account.id, disabledAt: expect.any(String) });
      expectError(await me(token), 401, 'AUTH.TOKEN_INVALID');
      expectError(await login(account.username, PASSWORD), 401, 'AUTH.LOGIN_FAILED');
      // Disabling again changes nothing and records nothing.
      expect((await send('POST', `/api/v1/officers/${account.id}/disable`, crew.supervisor)).json().disabledAt).toBe(
        off.json().disabledAt,
      );

      const on = await send('POST', `/api/v1/officers/${account.id}/enable`, crew.supervisor);
      expect(on.statusCode).toBe(200);
      expect(on.json().disabledAt).toBeNull();
      const fresh = await tokenOf(account.username);
      expect((await me(fresh)).statusCode).toBe(200);
      // A token from before the disabling stays ended.
      expectError(await me(token), 401, 'AUTH.TOKEN_INVALID');
      expect((await changes(account.id)).map((c) => [c.action, c.actor])).toEqual([
        ['created', `officer:${crew.supervisor.id}`],
        ['disabled', `officer:${crew.supervisor.id}`],
        ['enabled', `officer:${crew.supervisor.id}`],
      ]);
    });

    it('replays a repeated write with the same Idempotency-Key instead of running it twice', async () => {
      const account = await created(crew.supervisor);
      const headers = { 'idempotency-key': `officer-admin-${account.id}` };
      const first = await send('POST', `/api/v1/officers/${account.id}/disable`, crew.supervisor, {}, headers);
      const again = await send('POST', `/api/v1/officers/${account.id}/disable`, crew.supervisor, {}, headers);
      expect(first.statusCode).toBe(200);
      expect(again.statusCode).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
    });

    it('refuses to disable oneself, officers posted at a gate the supervisor lacks, and unknown ids', async () => {
      const self = expectError(
        await send('POST', `/api/v1/officers/${crew.supervisor.id}/disable`, crew.supervisor),
        403,
        'AUTH.FORBIDDEN',
      );
      expect(self.message).toMatch(/your own account/);
      const both = await officer(t, 'customs', ['HUU_NGHI', GATE]);
      for (const action of ['disable', 'enable', 'password']) {
        const res = await send('POST', `/api/v1/officers/${both.id}/${action}`, crew.supervisor, {
          password: PASSWORD,
        });
        const body = expectError(res, 403, 'AUTH.FORBIDDEN');
        expect(body.message).toContain(both.username);
        expect(body.details).toEqual({ gates: ['HUU_NGHI'] });
      }
      expectError(
        await send('PUT', `/api/v1/officers/${both.id}/postings`, crew.supervisor, { gates: [GATE] }),
        403,
        'AUTH.FORBIDDEN',
      );
      expect((await get(`/api/v1/auth/me`, both)).statusCode).toBe(200);
      for (const id of ['7d3c52f4-6a3e-4c43-9b0e-2f4a4b0c8a11', 'nobody']) {
        expectError(await send('POST', `/api/v1/officers/${id}/disable`, crew.supervisor), 404, 'OFFICER.NOT_FOUND');
      }
      expect(await changes(both.id)).toEqual([expect.objectContaining({ action: 'created' })]);
    });

    it('changes postings and agency, seen on the officer’s next request, within the supervisor’s gates only', async () => {
      const both = await officer(t, 'supervisor', ['HUU_NGHI', GATE]);
      const account = await created(both, { agency: 'customs', gates: ['HUU_NGHI'] });
      const token = await tokenOf(account.username);
      const res = await send('PUT', `/api/v1/officers/${account.id}/postings`, both, {
        agency: 'border_guard',
        gates: [GATE, 'huu_nghi', GATE],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ agency: 'border_guard', gates: ['HUU_NGHI', GATE] });
      expect((await me(token)).json()).toMatchObject({ agency: 'border_guard', gates: ['HUU_NGHI', GATE] });

      // Now posted at HUU_NGHI too, they are beyond the TAN_THANH supervisor.
      expectError(
        await send('PUT', `/api/v1/officers/${account.id}/postings`, crew.supervisor, { gates: [GATE] }),
        403,
        'AUTH.FORBIDDEN',
      );
      const moved = await send('PUT', `/api/v1/officers/${account.id}/postings`, both, { gates: [GATE] });
      expect(moved.json()).toMatchObject({ agency: 'border_guard', gates: [GATE] });
      expectError(
        await send('PUT', `/api/v1/officers/${account.id}/postings`, crew.supervisor, { gates: ['HUU_NGHI'] }),
        403,
        'AUTH.FORBIDDEN',
      );
      for (const [payload, field] of [
        [{ gates: [] }, 'gates'],
        [{ gates: ['NOWHERE'] }, 'gates'],
        [{ agency: 'police', gates: [GATE] }, 'agency'],
        [{}, 'gates'],
      ] as const) {
        const body = expectError(
          await send('PUT', `/api/v1/officers/${account.id}/postings`, crew.supervisor, payload),
          400,
          'REQUEST.VALIDATION_FAILED',
        );
        expect(body.details.map((d: any) => d.field)).toContain(field);
      }
      expect((await changes(account.id)).slice(1)).toEqual([
        {
          action: 'postings_changed',
          actor: `officer:${both.id}`,
          changes: {
            from: { agency: 'customs', gates: ['HUU_NGHI'] },
            to: { agency: 'border_guard', gates: ['HUU_NGHI', GATE] },
          },
        },
        {
          action: 'postings_changed',
          actor: `officer:${both.id}`,
          changes: {
            from: { agency: 'border_guard', gates: ['HUU_NGHI', GATE] },
            to: { agency: 'border_guard', gates: [GATE] },
          },
        },
      ]);
    });

    it('does not let supervisors give up their own supervisor posting', async () => {
      const self = await officer(t, 'supervisor', ['HUU_NGHI', GATE]);
      const body = expectError(
        await send('PUT', `/api/v1/officers/${self.id}/postings`, self, { agency: 'customs', gates: [GATE] }),
        403,
        'AUTH.FORBIDDEN',
      );
      expect(body.message).toMatch(/supervisor posting/);
      const narrowed = await send('PUT', `/api/v1/officers/${self.id}/postings`, self, { gates: [GATE] });
      expect(narrowed.json()).toMatchObject({ agency: 'supervisor', gates: [GATE] });
    });

    it('resets a password: tokens from before are refused, the old password fails, the lock is cleared', async () => {
      const account = await created(crew.supervisor);
      const token = await tokenOf(account.username);
      await t.sql.rows(
        `INSERT INTO login_throttle (key, scope, failures, window_started_at, last_failure_at, blocked_until)
            SELECT encode(sha256(convert_to('officer:' || username, 'UTF8')), 'hex'), 'account', 5, now(), now(),
                   now() + interval '10 minutes'
              FROM officer WHERE id = $1`,
        [account.id],
      );
      expect((await login(account.username, PASSWORD)).statusCode).toBe(429);

      const short = expectError(
        await send('POST', `/api/v1/officers/${account.id}/password`, crew.supervisor, { password: 'short' }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expect(short.details.map((d: any) => d.field)).toEqual(['password']);
      expect((await me(token)).statusCode).toBe(200);

      const NEW_PASSWORD = 'a brand new pass phrase';
      const reset = await send('POST', `/api/v1/officers/${account.id}/password`, crew.supervisor, {
        password: NEW_PASSWORD,
      });
      expect(reset.statusCode).toBe(200);
      expect(reset.json()).toMatchObject({ id: account.id, lockedUntil: null, disabledAt: null });
      expectError(await me(token), 401, 'AUTH.TOKEN_INVALID');
      expectError(await login(account.username, PASSWORD), 401, 'AUTH.LOGIN_FAILED');
      expect((await me(await tokenOf(account.username, NEW_PASSWORD))).statusCode).toBe(200);

      const recorded = await changes(account.id);
      expect(recorded.at(-1)).toEqual({
        action: 'password_reset',
        actor: `officer:${crew.supervisor.id}`,
        changes: {},
      });
      const everything = JSON.stringify(await t.sql.rows('SELECT * FROM officer_change'));
      expect(everything).not.toContain(NEW_PASSWORD);
      expect(everything).not.toContain('scrypt');
      expect(logLines.filter((line) => line.includes(NEW_PASSWORD) || line.includes(PASSWORD))).toEqual([]);
    });

    it('keeps the record of changes append-only', async () => {
      const account = await created(crew.supervisor);
      await expect(
        t.sql.rows('UPDATE officer_change SET actor = $2 WHERE officer_id = $1', [account.id, 'x']),
      ).rejects.toThrow(/append-only/);
      await expect(t.sql.rows('DELETE FROM officer_change WHERE officer_id = $1', [account.id])).rejects.toThrow(
        /append-only/,
      );
    });

    it('logs each change with the acting supervisor', () => {
      const changed = logLines
        .map((line) => JSON.parse(line) as Record<string, any>)
        .filter((line) => line.msg === 'officer account changed');
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.every((line) => /^officer:[0-9a-f-]{36}$/.test(line.actor) && line.officerId)).toBe(true);
    });
  });
});
