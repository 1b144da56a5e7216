import type { StepAgency } from '../../src/modules/clearance/routing.js';
import type { Roster } from './journey.js';
import type { Random } from './random.js';

export interface SeedOfficer {
  id: string;
  username: string;
  agency: StepAgency | 'supervisor';
  gate: string;
}

// Officers on the seeded rota of each gate, per agency.
const POSTS: Record<StepAgency | 'supervisor', number> = {
  customs: 6,
  border_guard: 5,
  quarantine: 3,
  yard: 4,
  supervisor: 2,
};

/** A few officers per agency and gate, named `seed.<gate>.<agency>.<n>`; they cannot log in (see seed-load.md). */
export function officers(random: Random, gates: readonly string[]): SeedOfficer[] {
  return gates.flatMap((gate) =>
    (Object.entries(POSTS) as [SeedOfficer['agency'], number][]).flatMap(([agency, count]) =>
      Array.from({ length: count }, (_, n) => ({
        id: random.uuid(),
        username: `seed.${gate.toLowerCase()}.${agency}.${n + 1}`,
        agency,
        gate,
      })),
    ),
  );
}

/** Whoever of that agency at that gate is on duty: picked at random from the rota. */
export function rosterOf(random: Random, staff: readonly SeedOfficer[]): Roster {
  const posts = new Map<string, string[]>();
  for (const o of staff) {
    const key = `${o.gate}/${o.agency}`;
    posts.set(key, [...(posts.get(key) ?? []), o.id]);
  }
  return (gate, agency) => {
    const ids = posts.get(`${gate}/${agency}`);
    if (!ids) throw new Error(`no seeded officer of ${agency} at ${gate}`);
    return random.pick(ids);
  };
}
