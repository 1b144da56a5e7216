import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { track } from '../processes.js';
import type { ChildMessage, LoadResult, LoadSpec } from './protocol.js';

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

/** Runs one load in a forked child process and returns its result. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    const untrack = track(child, `load generator (${spec.mode} ${spec.workload.kind})`);
    let settled = false;
    const guard = setTimeout(
      () => {
        child.kill('SIGKILL');
        finish(new Error(`load generator did not finish within ${spec.durationSec + 300} s`));
      },
      (spec.durationSec + 300) * 1000,
    );
    const finish = (error: Error | null, result?: LoadResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      untrack();
      if (error) reject(error);
      else resolve(result!);
    };
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'result') finish(null, message.result);
      else finish(new Error(`load generator failed: ${message.message}`));
    });
    child.on('exit', (code, signal) => finish(new Error(`load generator exited (${signal ?? code}) without a result`)));
    child.on('error', (error) => finish(error));
    child.send(spec);
  });
}
