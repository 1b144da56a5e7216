import type { LoadResult, LoadSpec } from './protocol.js';

export function runOfficers(_spec: LoadSpec): Promise<LoadResult> {
  return Promise.reject(new Error('officers: not implemented yet'));
}
