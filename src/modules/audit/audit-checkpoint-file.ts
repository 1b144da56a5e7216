import { constants } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { type AuditConfig, auditConfig } from '../../config/config-groups.js';
import type { AuditCheckpoint } from './audit-checkpoint.js';

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

/** One line of the checkpoint file as read: parsed JSON, or null when the line is not JSON at all. */
export interface CheckpointLine {
  line: number;
  value: unknown;
}

/**
 * The append-only checkpoint file: one JSON line per checkpoint, appended with O_APPEND and flushed to disk
 * (fsync) before the write counts, so a crash never leaves a checkpoint half-written and unnoticed.
 */
@Injectable()
export class AuditCheckpointFile {
  constructor(@Inject(auditConfig.KEY) private readonly config: AuditConfig) {}

  get path(): string {
    return join(this.config.checkpointDir, CHECKPOINT_FILE);
  }

  async append(checkpoint: AuditCheckpoint): Promise<void> {
    await mkdir(this.config.checkpointDir, { recursive: true });
    const file = await open(this.path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o640);
    try {
      await file.write(`${JSON.stringify(checkpoint)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
  }

  /** Every line, in order (empty when there is no file yet). */
  async read(): Promise<CheckpointLine[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .map((raw, i) => ({ raw, line: i + 1 }))
      .filter(({ raw }) => raw.trim() !== '')
      .map(({ raw, line }) => ({ line, value: parseOrNull(raw) }));
  }
}

function parseOrNull(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
