/** The kinds of crossing (docs/api.md, "Kinds of trip"; their routes and exits in docs/lifecycle.md). */
export const TRIP_KINDS = ['through', 'transshipment', 'tractor_swap', 'empty', 'delivery_and_return'] as const;
export type TripKind = (typeof TRIP_KINDS)[number];

/** Kinds made of two linked declarations, one per vehicle. */
export const HANDOVER_KINDS = ['transshipment', 'tractor_swap'] as const satisfies readonly TripKind[];

export const HANDOVER_ROLES = ['delivering', 'receiving'] as const;
export type HandoverRole = (typeof HANDOVER_ROLES)[number];

/** The customs regime of the goods: `standard` imports enter the domestic market. */
export const CARGO_REGIMES = ['standard', 're_export', 'temporary_import'] as const;
export type CargoRegime = (typeof CARGO_REGIMES)[number];

export const CONTAINER_SIZES_FEET = [20, 40, 45] as const;
export type ContainerSizeFeet = (typeof CONTAINER_SIZES_FEET)[number];
export const MAX_CONTAINERS = 2;
