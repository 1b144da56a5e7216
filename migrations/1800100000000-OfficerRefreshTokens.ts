import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `officer_refresh_token`: the refresh tokens that keep an officer signed in through a shift. Only the SHA-256 of
 * each token is stored. A sign-in starts a family; every use replaces the token with a new one of the same family
 * (`replaced_by`), and a token used twice revokes its whole family. `token_version` is the account's version at
 * sign-in: a password reset, a password change or disabling moves it on, and a trigger revokes the officer's
 * refresh tokens in that same transaction, whichever code path made the change.
 */
export class OfficerRefreshTokens1800100000000 implements MigrationInterface {
  name = 'OfficerRefreshTokens1800100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE officer_refresh_token (
        id uuid NOT NULL CONSTRAINT officer_refresh_token_pkey PRIMARY KEY,
        officer_id uuid NOT NULL CONSTRAINT "FK_officer_refresh_token_officer" REFERENCES officer(id),
        family_id uuid NOT NULL,
        token_hash text NOT NULL CONSTRAINT "UQ_officer_refresh_token_hash" UNIQUE,
        token_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        idle_expires_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        replaced_by uuid,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX "IDX_officer_refresh_token_family" ON officer_refresh_token (family_id)`);
    await q.query(`CREATE INDEX "IDX_officer_refresh_token_officer" ON officer_refresh_token (officer_id)`);
    await q.query(`
      CREATE FUNCTION officer_refresh_token_revoke() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE officer_refresh_token SET revoked_at = now() WHERE officer_id = NEW.id AND revoked_at IS NULL;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER officer_refresh_token_revoke AFTER UPDATE OF token_version, disabled_at ON officer
        FOR EACH ROW
        WHEN (OLD.token_version IS DISTINCT FROM NEW.token_version OR OLD.disabled_at IS DISTINCT FROM NEW.disabled_at)
        EXECUTE FUNCTION officer_refresh_token_revoke()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER officer_refresh_token_revoke ON officer`);
    await q.query(`DROP FUNCTION officer_refresh_token_revoke()`);
    await q.query(`DROP TABLE officer_refresh_token`);
  }
}
