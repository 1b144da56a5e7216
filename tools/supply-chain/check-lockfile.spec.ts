import { lockfileProblems, parseAllowList } from '../../scripts/check-lockfile.mjs';

const INTEGRITY = 'sha512-cchZAMsV4d76RDZBlWzPhYxM/Hb6bmq71oUngdrwehMbBbdQu3W9C2tGlvxuPxbRKru9ZlUa14YVXQ0+QnhFtw==';

function lockWith(packages: Record<string, Record<string, unknown>>) {
  return { lockfileVersion: 3, packages: { '': { name: 'app' }, ...packages } };
}
const registryPackage = (name: string, extra: Record<string, unknown> = {}) => ({
  version: '1.0.0',
  resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-1.0.0.tgz`,
  integrity: INTEGRITY,
  ...extra,
});
const exactPkg = { dependencies: { a: '1.2.3' }, devDependencies: { b: '4.0.0-rc.1' } };

describe('the lockfile check', () => {
  it('passes registry packages with sha512 integrity, exact versions, and reviewed install scripts', () => {
    const lock = lockWith({
      'node_modules/a': registryPackage('a'),
      'node_modules/b': { version: '4.0.0-rc.1', integrity: INTEGRITY }, // resolved left out: the registry
      'node_modules/a/node_modules/@s/native': registryPackage('@s/native', { hasInstallScript: true }),
      'node_modules/pinned': registryPackage('pinned', { hasInstallScript: true }),
      'node_modules/@t/telemetry': registryPackage('@t/telemetry', { hasInstallScript: true }),
    });
    const pkg = { ...exactPkg, allowScripts: { '@s/native': true, 'pinned@1.0.0': true, '@t/telemetry': false } };
    expect(lockfileProblems(pkg, lock, new Set(['@s/native', 'pinned', '@t/telemetry']))).toEqual([]);
  });

  it('refuses ranges, tags and URLs in package.json', () => {
    const pkg = {
      dependencies: { a: '^1.2.3', c: 'latest' },
      devDependencies: { d: 'github:someone/d', e: '~2.0.0' },
      optionalDependencies: { f: 'file:../f' },
    };
    const problems = lockfileProblems(pkg, lockWith({}), new Set());
    expect(problems).toEqual([
      'package.json dependencies: a@^1.2.3 is not an exact version',
      'package.json dependencies: c@latest is not an exact version',
      'package.json devDependencies: d@github:someone/d is not an exact version',
      'package.json devDependencies: e@~2.0.0 is not an exact version',
      'package.json optionalDependencies: f@file:../f is not an exact version',
    ]);
  });

  it.each([
    ['git', 'git+ssh://git@github.com/someone/a.git#0123abc'],
    ['plain http', 'http://registry.npmjs.org/a/-/a-1.0.0.tgz'],
    ['another registry', 'https://npm.example.com/a/-/a-1.0.0.tgz'],
    ['a local file', 'file:../a-1.0.0.tgz'],
  ])('refuses a package resolved from %s', (_what, resolved) => {
    const lock = lockWith({ 'node_modules/a': registryPackage('a', { resolved }) });
    expect(lockfileProblems(exactPkg, lock, new Set())).toEqual([
      `node_modules/a: resolved from ${resolved}, not https://registry.npmjs.org/`,
    ]);
  });

  it('refuses a package without a sha512 integrity', () => {
    const lock = lockWith({
      'node_modules/a': registryPackage('a', { integrity: undefined }),
      'node_modules/b': registryPackage('b', { integrity: 'sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=' }),
    });
    expect(lockfileProblems(exactPkg, lock, new Set())).toEqual([
      'node_modules/a: no sha512 integrity',
      'node_modules/b: no sha512 integrity',
    ]);
  });

  it('refuses a linked folder', () => {
    const lock = lockWith({ 'node_modules/a': { resolved: '../a', link: true } });
    expect(lockfileProblems(exactPkg, lock, new Set())).toEqual([
      'node_modules/a: a link to ../a, not a registry package',
    ]);
  });

  it('refuses install scripts nobody reviewed, wherever they sit in the tree', () => {
    const lock = lockWith({
      'node_modules/x/node_modules/@evil/postinstall': registryPackage('@evil/postinstall', { hasInstallScript: true }),
      'node_modules/pinned': registryPackage('pinned', { version: '2.0.0', hasInstallScript: true }),
    });
    const pkg = { ...exactPkg, allowScripts: { postinstall: true, '@evil/other': true, 'pinned@1.0.0': true } };
    expect(lockfileProblems(pkg, lock, new Set(['postinstall', '@evil/other', 'pinned']))).toEqual([
      "node_modules/x/node_modules/@evil/postinstall: has install scripts and is neither allowed nor denied in package.json's allowScripts",
      "node_modules/pinned: has install scripts and is neither allowed nor denied in package.json's allowScripts",
    ]);
  });

  it('refuses an allowScripts entry without a reason', () => {
    const pkg = { ...exactPkg, allowScripts: { '@s/native@1.0.0': true, other: false } };
    expect(lockfileProblems(pkg, lockWith({}), new Set(['other']))).toEqual([
      'package.json allowScripts: @s/native@1.0.0 has no reason in .ci/install-scripts-reviewed',
    ]);
  });

  it('refuses an old lock without "packages"', () => {
    expect(lockfileProblems(exactPkg, {}, new Set())).toEqual([
      'package-lock.json has no "packages" (lockfileVersion 2 or 3 needed)',
    ]);
  });
});

describe('the install scripts’ reasons', () => {
  it('reads one name and reason a line, skipping comments and blank lines', () => {
    const list = parseAllowList('# why\n\n@swc/core   its platform binary\nmsgpackr-extract native codec\n');
    expect([...list.names]).toEqual(['@swc/core', 'msgpackr-extract']);
    expect(list.problems).toEqual([]);
  });

  it('requires a reason for every entry', () => {
    expect(parseAllowList('@swc/core\n').problems).toEqual([
      'install-scripts-reviewed line 1: @swc/core has no reason',
    ]);
  });
});
