export enum QueueName {
  Screening = 'screening',
}

export enum JobName {
  ScreenDeclaration = 'screen-declaration',
}

/** Deterministic so a relay or reconciler re-adding the same work is deduplicated by BullMQ. */
export function screeningJobId(declarationId: string, version: number): string {
  return `screen-${declarationId}-v${version}`;
}
