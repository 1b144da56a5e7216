import pg from 'pg';
import { QueryFailedError } from 'typeorm';

/**
 * The named constraint a statement violated (unique, foreign key, check, exclusion), from pg's error as the
 * `Sql` helper throws it or as TypeORM wraps it; undefined for any other error.
 */
export function violatedConstraint(error: unknown): string | undefined {
  const cause: unknown = error instanceof QueryFailedError ? error.driverError : error;
  return cause instanceof pg.DatabaseError ? cause.constraint : undefined;
}
