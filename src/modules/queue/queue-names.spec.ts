import { QueueName, queueKeyPrefix } from './queue-names.js';

/** Redis Cluster hashes only the part between the first `{` and the next `}` when it is non-empty. */
function hashTag(key: string): string {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

describe('queue key prefix', () => {
  it('puts every key of one queue in one cluster slot, and each queue in its own', () => {
    const keysOf = (queue: QueueName) =>
      ['wait', 'active', 'id', 'events', 'job-1:lock'].map((k) => `${queueKeyPrefix('bg', queue)}:${queue}:${k}`);
    for (const queue of Object.values(QueueName)) {
      expect(new Set(keysOf(queue).map(hashTag))).toEqual(new Set([queue]));
    }
  });

  it('keeps the environment prefix in front, so environments sharing a Redis stay apart', () => {
    expect(queueKeyPrefix('bg-staging', QueueName.Screening)).toBe('bg-staging:{screening}');
  });
});
