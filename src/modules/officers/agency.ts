export const AGENCIES = ['customs', 'border_guard', 'quarantine', 'yard', 'supervisor'] as const;
export type Agency = (typeof AGENCIES)[number];

/** The agencies that own a clearance step; supervisors oversee a gate and own none. */
export const STEP_AGENCIES = ['customs', 'border_guard', 'quarantine', 'yard'] as const;
export type StepAgency = (typeof STEP_AGENCIES)[number];

export function isAgency(value: unknown): value is Agency {
  return typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);
}
