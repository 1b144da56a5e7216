import { Inject, Injectable } from '@nestjs/common';
import { type AuthConfig, authConfig } from '../../config/config-groups.js';
import { Sql } from '../../database/sql.js';
import { type AuditCheckpoint, CheckpointSigner } from './audit-checkpoint.js';
import { AuditCheckpointFile } from './audit-checkpoint-file.js';

export interface CheckpointOutcome {
  written: boolean;
  checkpoint: AuditCheckpoint | null;
}

/** Signed checkpoints of the chain head, kept in a file outside the database (AUDIT_CHECKPOINT_DIR). */
@Injectable()
export class AuditCheckpoints {
  readonly signer: CheckpointSigner;
  private lastWrittenSeq: number | null = null;

  constructor(
    private readonly sql: Sql,
    private readonly file: AuditCheckpointFile,
    @Inject(authConfig.KEY) auth: AuthConfig,
  ) {
    this.signer = new CheckpointSigner(auth.tokenSecret, auth.tokenPreviousSecret);
  }

  /** Appends a checkpoint of the current head, unless the head has not moved since the last one in the file. */
  async write(): Promise<CheckpointOutcome> {
    const head = await this.sql.one<{ seq: string; hash: Buffer }>(
      'SELECT seq, hash FROM audit_chain_head WHERE id = 1',
    );
    if (!head || Number(head.seq) === 0) return { written: false, checkpoint: null };
    const seq = Number(head.seq);
    this.lastWrittenSeq ??= await this.latestSeqInFile();
    if (this.lastWrittenSeq === seq) return { written: false, checkpoint: null };
    const checkpoint = this.signer.sign({ seq, hash: head.hash.toString('hex'), at: new Date().toISOString() });
    await this.file.append(checkpoint);
    this.lastWrittenSeq = seq;
    return { written: true, checkpoint };
  }

  private async latestSeqInFile(): Promise<number> {
    const valid = (await this.file.read()).map((l) => l.value).filter((v) => this.signer.verify(v));
    return valid.length ? valid[valid.length - 1].seq : -1;
  }
}
