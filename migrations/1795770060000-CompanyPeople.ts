import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People of a company, not only its machines: `company_user` (admin or clerk, signing in with a password, with the
 * officers' username rule and login lock) and `company_session` (the company portal's signed-in browsers; only the
 * SHA-256 of the cookie's token is stored). API keys get a name and the time they were last used.
 */
export class CompanyPeople1795770060000 implements MigrationInterface {
  name = 'CompanyPeople1795770060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE company_user (
        id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT company_user_pkey PRIMARY KEY,
        company_id uuid NOT NULL CONSTRAINT "FK_company_user_company" REFERENCES company(id),
        username text NOT NULL CONSTRAINT "UQ_company_user_username" UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL CONSTRAINT "CK_company_user_role" CHECK (role IN ('admin', 'clerk')),
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);
    await q.query(`CREATE INDEX "IDX_company_user_company" ON company_user (company_id)`);
    await q.query(`
      CREATE TABLE company_session (
        id text NOT NULL CONSTRAINT company_session_pkey PRIMARY KEY,
        user_id uuid NOT NULL CONSTRAINT "FK_company_session_user" REFERENCES company_user(id),
        company_id uuid NOT NULL CONSTRAINT "FK_company_session_company" REFERENCES company(id),
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz
      )`);
    await q.query(`CREATE INDEX "IDX_company_session_user_open" ON company_session (user_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX "IDX_company_session_company" ON company_session (company_id)`);
    await q.query(`ALTER TABLE api_key ADD COLUMN name text NOT NULL DEFAULT 'default'`);
    await q.query(`ALTER TABLE api_key ADD COLUMN last_used_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key DROP COLUMN last_used_at`);
    await q.query(`ALTER TABLE api_key DROP COLUMN name`);
    await q.query(`DROP TABLE company_session`);
    await q.query(`DROP TABLE company_user`);
  }
}
