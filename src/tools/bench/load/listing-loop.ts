import type { LoadResult, LoadSpec } from './protocol.js';

export function runListing(_spec: LoadSpec): Promise<LoadResult> {
  return Promise.reject(new Error('listing: not implemented yet'));
}
