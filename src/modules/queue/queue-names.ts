export enum QueueName {
  Screening = 'screening',
  Clearance = 'clearance',
  Webhooks = 'webhooks',
  Stats = 'stats',
}

export enum JobName {
  ScreenDeclaration = 'screen-declaration',
  ExpireClaim = 'expire-claim',
  ExpireNoShow = 'expire-no-show',
  DeliverWebhook = 'deliver-webhook',
  RollupDailyStats = 'rollup-daily-stats',
}

/** Deterministic so a relay or reconciler re-adding the same work is deduplicated by BullMQ. */
export function screeningJobId(declarationId: string, version: number): string {
  return `screen-${declarationId}-v${version}`;
}
