/** The words of a clearance step, shared by the clearance module that moves steps and the views that show them. */
export const STEP_STATUSES = ['waiting', 'claimed', 'passed', 'held', 'refused'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const STEP_KINDS = ['inspection', 'fee'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
