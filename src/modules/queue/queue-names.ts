export enum QueueName {
  Screening = 'screening',
  Clearance = 'clearance',
}

export enum JobName {
  ScreenDeclaration = 'screen-declaration',
  ExpireClaim = 'expire-claim',
  ExpireNoShow = 'expire-no-show',
}

/** Deterministic so a relay or reconciler re-adding the same work is deduplicated by BullMQ. */
export function screeningJobId(declarationId: string, version: number): string {
  return `screen-${declarationId}-v${version}`;
}
