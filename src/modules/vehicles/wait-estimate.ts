/** Below this many decisions in the last hour, a rate says too little to estimate from. */
export const MIN_DECISIONS_FOR_ESTIMATE = 3;

export interface WaitEstimate {
  estimatedWaitMinutes: number | null;
  /** `ok`; `insufficient_data` when the queue decided too few steps lately; `in_progress` when an officer has it. */
  estimate: 'ok' | 'insufficient_data' | 'in_progress';
}

/**
 * Minutes until a waiting step is likely taken: its place in the queue over the queue's recent service
 * rate (steps decided in the last hour). Honest about thin data rather than precise-looking.
 */
export function estimateWait(position: number | null, decidedLastHour: number): WaitEstimate {
  if (position === null) return { estimatedWaitMinutes: null, estimate: 'in_progress' };
  if (decidedLastHour < MIN_DECISIONS_FOR_ESTIMATE)
    return { estimatedWaitMinutes: null, estimate: 'insufficient_data' };
  return { estimatedWaitMinutes: Math.ceil((position * 60) / decidedLastHour), estimate: 'ok' };
}
