export enum QueueName {
  Screening = 'screening',
  Clearance = 'clearance',
  Webhooks = 'webhooks',
  Stats = 'stats',
  Maintenance = 'maintenance',
}

export enum JobName {
  ScreenDeclaration = 'screen-declaration',
  ExpireClaim = 'expire-claim',
  ExpireNoShow = 'expire-no-show',
  DeliverWebhook = 'deliver-webhook',
  RollupDailyStats = 'rollup-daily-stats',
  DailyRetention = 'daily-retention',
}

/**
 * The BullMQ key prefix of one queue: `bg:{screening}` makes every key of that queue (`bg:{screening}:screening:wait`,
 * …) hash to one Redis Cluster slot, which BullMQ's multi-key Lua scripts require, while different queues still
 * spread over the cluster's shards.
 */
export function queueKeyPrefix(prefix: string, queue: QueueName): string {
  return `${prefix}:{${queue}}`;
}

/** Deterministic so a relay or reconciler re-adding the same work is deduplicated by BullMQ. */
export function screeningJobId(declarationId: string, version: number): string {
  return `screen-${declarationId}-v${version}`;
}
