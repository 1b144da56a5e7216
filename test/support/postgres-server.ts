import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes.js';

/** The folder holding initdb, pg_ctl and postgres: pg_config's answer, else Debian's layout. */
function postgresBin(): string {
  const found = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  const listed = spawnSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1'], { encoding: 'utf8' });
  if (listed.status === 0 && listed.stdout.trim()) return listed.stdout.trim();
  throw new Error('no PostgreSQL server binaries found (pg_config --bindir)');
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` account. */
function asServerUser(command: string, args: string[]): { status: number | null; output: string } {
  const [file, argv] =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

export interface DisposablePostgresOptions {
  /** max_connections of the private server (fault drills fill it). */
  maxConnections?: number;
}

/**
 * A private PostgreSQL cluster on a loopback port that a test may stop, start and fill at will, without touching
 * the shared server other tests use: its own data folder under the system temp folder, trust auth for loopback,
 * removed by `destroy()`. The superuser is `postgres`, as on the shared server.
 */
export class DisposablePostgres {
  port = 0;
  private dataDir = '';
  private readonly bin = postgresBin();

  constructor(private readonly options: DisposablePostgresOptions = {}) {}

  /** A connection URL for `database` on this server. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates the cluster (the first time) and starts it. */
  async start(): Promise<void> {
    if (!this.dataDir) await this.create();
    const started = asServerUser(join(this.bin, 'pg_ctl'), [
      '-D',
      this.dataDir,
      // The server's output to a file: a server holding our pipe open would keep spawnSync waiting forever.
      '-l',
      join(this.dataDir, 'server.log'),
      '-w',
      '-t',
      '30',
      'start',
    ]);
    if (started.status !== 0) throw new Error(`private PostgreSQL did not start:\n${started.output}`);
  }

  /** Stops the server: `fast` ends sessions cleanly, `immediate` is a crash (no shutdown checkpoint). */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    if (!this.dataDir) return;
    const stopped = asServerUser(join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
    if (stopped.status !== 0 && !/not running|no server running/i.test(stopped.output))
      throw new Error(`private PostgreSQL did not stop:\n${stopped.output}`);
  }

  /** Stops the server and removes its data folder. */
  destroy(): void {
    this.stop('immediate');
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
    this.dataDir = '';
  }

  private async create(): Promise<void> {
    this.port = await freePort();
    this.dataDir = mkdtempSync(join(tmpdir(), 'border-gate-pg-'));
    if (process.getuid?.() === 0) {
      const account = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      chownSync(this.dataDir, Number(account.stdout.trim()), Number(group.stdout.trim()));
    }
    const init = asServerUser(join(this.bin, 'initdb'), [
      '-D',
      this.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.output}`);
    const settings = [
      `port = ${this.port}`,
      `listen_addresses = '127.0.0.1'`,
      // The socket lives in the data folder, so nothing is written to /var/run/postgresql.
      `unix_socket_directories = '${this.dataDir}'`,
      `max_connections = ${this.options.maxConnections ?? 50}`,
      'shared_buffers = 32MB',
      'fsync = off',
      // synchronous_commit stays on: a crash drill must not lose a commit the service already answered for.
      'full_page_writes = off',
      `logging_collector = off`,
    ];
    writeFileSync(join(this.dataDir, 'postgresql.auto.conf'), `${settings.join('\n')}\n`);
  }
}
