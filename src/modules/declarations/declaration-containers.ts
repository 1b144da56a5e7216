import type { EntityManager } from 'typeorm';
import { rowsIn } from '../../database/sql.js';
import type { ContainerFields } from './declaration-input.js';

/**
 * The containers of a declaration as one JSON array column (`[{number, sizeFeet}]`, in position order), for any
 * query over `declaration d`; the primary key makes it one index probe per row.
 */
export const CONTAINERS_JSON_SQL = `(SELECT coalesce(json_agg(json_build_object('number', c.container_number,
  'sizeFeet', c.size_feet) ORDER BY c.position), '[]'::json) FROM declaration_container c WHERE c.declaration_id = d.id)`;

/** Every column of `declaration d` plus its `containers`: the shape of DeclarationRow. */
export const DECLARATION_ROW_COLUMNS = `d.*, ${CONTAINERS_JSON_SQL} AS containers`;

/** Replaces a declaration's containers (an amendment replaces the vehicle section whole). In the caller's transaction. */
export async function replaceContainers(
  manager: EntityManager,
  declarationId: string,
  containers: ContainerFields[],
): Promise<void> {
  await rowsIn(manager, 'DELETE FROM declaration_container WHERE declaration_id = $1', [declarationId]);
  await rowsIn(
    manager,
    `INSERT INTO declaration_container (declaration_id, position, container_number, size_feet)
     SELECT $1, c.position, c.number, c.size_feet
       FROM unnest($2::text[], $3::smallint[]) WITH ORDINALITY AS c(number, size_feet, position)`,
    [declarationId, containers.map((c) => c.number), containers.map((c) => c.sizeFeet)],
  );
}
