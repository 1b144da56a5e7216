/**
 * A load generator in its own process, so that it never shares an event loop with the bench's bookkeeping.
 * The parent forks this file, sends one LoadSpec over IPC, and gets one ChildMessage back.
 */
import type { ChildMessage, LoadResult, LoadSpec } from './protocol.js';
import { runClosedAutocannon } from './closed-autocannon.js';
import { runOpenLoop } from './open-loop.js';
import { runListing } from './listing-loop.js';
import { runOfficers } from './officers-loop.js';

async function run(spec: LoadSpec): Promise<LoadResult> {
  switch (spec.workload.kind) {
    case 'listing':
      return runListing(spec);
    case 'officers':
      return runOfficers(spec);
    default:
      return spec.mode === 'open' ? runOpenLoop(spec) : runClosedAutocannon(spec);
  }
}

function reply(message: ChildMessage): void {
  process.send?.(message, () => process.exit(0));
}

process.once('message', (spec: LoadSpec) => {
  run(spec).then(
    (result) => reply({ type: 'result', result }),
    (error: unknown) =>
      reply({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
// The parent went away (Ctrl-C, crash): stop at once.
process.on('disconnect', () => process.exit(1));
