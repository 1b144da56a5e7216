import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { withTimeout } from '../../common/with-timeout.js';
import { PROBE_TIMEOUT_MS } from './probe.js';
import { errorMessage } from '../../common/errors/error-message.js';

/** PostgreSQL answers `SELECT 1` through the DataSource. `down` otherwise: without it nothing is served. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check<const Key extends string>(key: Key) {
    const indicator = this.indicators.check(key);
    const started = Date.now();
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), PROBE_TIMEOUT_MS, 'database probe');
      return indicator.up({ ok: true, latencyMs: Date.now() - started });
    } catch (error) {
      return indicator.down({ ok: false, error: errorMessage(error) });
    }
  }
}
