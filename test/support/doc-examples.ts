import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A ```` ```bash runnable ```` block of a doc, with the expected-output block right after it, if any. */
export interface DocBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
  expected?: { kind: 'json' | 'text'; body: string; line: number };
}

export interface ParsedDoc {
  runnable: DocBlock[];
  /** Plain ```` ```bash ```` blocks: they are not run. */
  plainBash: DocBlock[];
  /** Misplaced markers: an expected block with no runnable block right before it, a runnable block in another language. */
  problems: string[];
}

const FENCE = /^(`{3,}|~{3,})\s*(.*)$/;

/** Reads the fenced blocks of a Markdown file. Only blank lines may stand between a block and its expected output. */
export function parseDoc(file: string, markdown: string): ParsedDoc {
  const lines = markdown.split('\n');
  const doc: ParsedDoc = { runnable: [], plainBash: [], problems: [] };
  let previous: { block: DocBlock } | undefined;
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE.exec(lines[i]);
    if (!open) {
      if (lines[i].trim() !== '') previous = undefined;
      continue;
    }
    const [fence, info] = [open[1], open[2].trim().split(/\s+/)];
    const body: string[] = [];
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith(fence)) body.push(lines[end++]);
    const [language = '', ...flags] = info;
    const line = i + 1;
    const code = body.join('\n');
    if (flags.includes('expected')) {
      if (language !== 'json' && language !== 'text')
        doc.problems.push(`${file}:${line}: an expected block is \`\`\`json expected or \`\`\`text expected`);
      else if (!previous || previous.block.expected)
        doc.problems.push(`${file}:${line}: an expected block must follow a runnable block (blank lines only between)`);
      else previous.block.expected = { kind: language, body: code, line };
      previous = undefined;
    } else if (flags.includes('runnable')) {
      if (language !== 'bash') doc.problems.push(`${file}:${line}: only \`\`\`bash blocks can be runnable`);
      const block: DocBlock = { file, line, code };
      doc.runnable.push(block);
      previous = { block };
    } else {
      if (language === 'bash' || language === 'sh' || language === 'shell') doc.plainBash.push({ file, line, code });
      previous = undefined;
    }
    i = end;
  }
  return doc;
}

/**
 * Whether a block's stdout shows what its expected block says.
 * - `text`: each non-blank expected line equals a line of stdout, in order (others may come between);
 *   `…` in an expected line stands for any text.
 * - `json`: stdout (whole, or one of its lines) is JSON that contains the expected value: objects may have
 *   more keys, arrays must have the same length, and the string `"…"` stands for any value.
 */
export function showsExpected(stdout: string, expected: NonNullable<DocBlock['expected']>): boolean {
  if (expected.kind === 'text') {
    const outLines = stdout.split('\n').map((l) => l.trimEnd());
    let at = 0;
    for (const want of expected.body.split('\n').map((l) => l.trimEnd())) {
      if (want === '') continue;
      const pattern = new RegExp(`^${want.split('…').map(escapeRegExp).join('.*')}$`);
      while (at < outLines.length && !pattern.test(outLines[at])) at += 1;
      if (at === outLines.length) return false;
      at += 1;
    }
    return true;
  }
  const want: unknown = JSON.parse(expected.body);
  return [stdout, ...stdout.split('\n')].some((candidate) => {
    const value = parseJson(candidate);
    return value !== undefined && contains(value, want);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function contains(actual: unknown, want: unknown): boolean {
  if (want === '…') return true;
  if (Array.isArray(want))
    return Array.isArray(actual) && actual.length === want.length && want.every((w, i) => contains(actual[i], w));
  if (want !== null && typeof want === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(want).every(([key, w]) => key in record && contains(record[key], w));
  }
  return actual === want;
}

export interface BlockResult {
  block: DocBlock;
  outcome: 'passed' | 'failed' | 'not run';
  /** null: stopped at the time limit. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a file's runnable blocks in order in one bash session (`set -euo pipefail`), so variables carry over
 * from block to block; the session stops at the first block that exits non-zero. `localhost:3000` and
 * `127.0.0.1:3000` become `baseUrl`'s host and port. `npm run [-s] cli -- …` runs `node dist/src/cli.js …`:
 * the suite has built `dist/`, and npm's start-up per command would cost seconds.
 */
export async function runBlocks(
  blocks: DocBlock[],
  options: { baseUrl: string; cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<BlockResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'docs-'));
  try {
    const hostPort = new URL(options.baseUrl).host;
    const script = [
      'set -euo pipefail',
      `npm() {
  local args=("$@")
  if [ "\${args[0]-}" = run ] && [ "\${args[1]-}" = -s ]; then args=(run "\${args[@]:2}"); fi
  if [ "\${args[0]-}" = run ] && [ "\${args[1]-}" = cli ]; then
    args=("\${args[@]:2}")
    if [ "\${args[0]-}" = -- ]; then args=("\${args[@]:1}"); fi
    node ${shellQuote(resolve(options.cwd, 'dist/src/cli.js'))} "\${args[@]}"
  else
    command npm "$@"
  fi
}`,
    ];
    blocks.forEach((block, i) => {
      writeFileSync(join(dir, `block-${i}.sh`), block.code.replace(/\b(localhost|127\.0\.0\.1):3000\b/g, hostPort));
      const at = (name: string) => shellQuote(join(dir, `${name}-${i}`));
      script.push(
        `source ${at('block')}.sh >${at('out')} 2>${at('err')}`,
        `echo ${i} >${shellQuote(join(dir, 'done'))}`,
      );
    });
    writeFileSync(join(dir, 'session.sh'), `${script.join('\n')}\n`);

    const exitCode = await new Promise<number | null>((done, fail) => {
      const child = spawn('bash', [join(dir, 'session.sh')], {
        cwd: options.cwd,
        env: options.env,
        stdio: 'ignore',
        detached: true, // its own process group, so a timeout stops the commands it started too
      });
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), options.timeoutMs);
      child.once('error', fail);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        done(signal ? null : code);
      });
    });

    const read = (name: string) => {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        return '';
      }
    };
    const finished = read('done').trim() === '' ? -1 : Number(read('done'));
    return blocks.map((block, i) => {
      const stdout = read(`out-${i}`);
      const stderr = read(`err-${i}`);
      if (i <= finished) {
        const shown = !block.expected || showsExpected(stdout, block.expected);
        return { block, outcome: shown ? 'passed' : 'failed', exitCode: 0, stdout, stderr };
      }
      if (i === finished + 1) return { block, outcome: 'failed', exitCode, stdout, stderr };
      return { block, outcome: 'not run', exitCode: null, stdout: '', stderr: '' };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** How a failed block reads in the test output: where it is, its first line, what it printed. */
export function describeFailure(result: BlockResult): string {
  const firstLine = result.block.code.split('\n').find((l) => l.trim() !== '') ?? '';
  const why =
    result.exitCode === 0
      ? `its output does not show the expected block at line ${result.block.expected?.line}:\n${result.block.expected?.body}`
      : result.exitCode === null
        ? 'it was stopped at the time limit'
        : `it exited with code ${result.exitCode}`;
  return [
    `${result.block.file}:${result.block.line}: \`${firstLine}\` — ${why}`,
    `--- stdout\n${result.stdout.trimEnd()}`,
    `--- stderr\n${result.stderr.trimEnd()}`,
  ].join('\n');
}
