import { Gauge } from 'prom-client';
import { processRegistry } from '../metrics/process-metrics.js';

/** Set by the worker's sealer; 0 in a healthy chain. */
export const unsealedBehindHeadGauge = new Gauge({
  name: 'border_gate_audit_unsealed_behind_head',
  help: 'Audit records sealed once whose chain fields were blanked since (the sealer refuses to seal them again)',
  registers: [processRegistry],
});
