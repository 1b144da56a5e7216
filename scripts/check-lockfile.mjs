// Run by `npm run check`: what `npm ci` installs is exactly what package-lock.json names, from the npm registry, each
// tarball pinned by a sha512 integrity; every direct dependency is an exact version; and every package with install
// scripts has been reviewed: allowed or denied in package.json's "allowScripts" (which npm itself enforces), with
// the reason in .ci/install-scripts-reviewed (one `name  reason` a line).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REGISTRY = 'https://registry.npmjs.org/';
const EXACT_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'];

/** The reasons file's package names: `name  reason` a line; blank lines and `#` comments ignored; a reason is required. */
export function parseAllowList(text) {
  const names = new Set();
  const problems = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [name, ...reason] = line.split(/\s+/);
    if (reason.join(' ').length === 0)
      problems.push(`install-scripts-reviewed line ${index + 1}: ${name} has no reason`);
    names.add(name);
  }
  return { names, problems };
}

/** The package's name from its lock key: `node_modules/a/node_modules/@s/b` → `@s/b`. */
function nameOf(key) {
  return key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** Whether an "allowScripts" key (`name` or `name@version`) covers this package. */
function reviewed(allowScripts, name, version) {
  return Object.hasOwn(allowScripts, name) || Object.hasOwn(allowScripts, `${name}@${version}`);
}

/** Every rule the lock and the manifest break, as one line each; empty when all is well. */
export function lockfileProblems(pkg, lock, reasons) {
  const problems = [];
  const allowScripts = pkg.allowScripts ?? {};
  for (const key of Object.keys(allowScripts)) {
    const name = key.replace(/(?<=.)@[^@]*$/, '');
    if (!reasons.has(name))
      problems.push(`package.json allowScripts: ${key} has no reason in .ci/install-scripts-reviewed`);
  }
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, spec] of Object.entries(pkg[field] ?? {})) {
      if (!EXACT_VERSION.test(spec)) problems.push(`package.json ${field}: ${name}@${spec} is not an exact version`);
    }
  }
  if (!lock.packages) return [...problems, 'package-lock.json has no "packages" (lockfileVersion 2 or 3 needed)'];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '') continue;
    const name = nameOf(key);
    if (entry.link) {
      problems.push(`${key}: a link to ${entry.resolved}, not a registry package`);
      continue;
    }
    // npm leaves `resolved` out of the lock when it is the configured registry (omit-lockfile-registry-resolved).
    if (entry.resolved !== undefined && !entry.resolved.startsWith(REGISTRY)) {
      problems.push(`${key}: resolved from ${entry.resolved}, not ${REGISTRY}`);
    }
    if (!/^sha512-[A-Za-z0-9+/]+={0,2}$/.test(entry.integrity ?? '')) {
      problems.push(`${key}: no sha512 integrity`);
    }
    if (entry.hasInstallScript && !reviewed(allowScripts, name, entry.version)) {
      problems.push(`${key}: has install scripts and is neither allowed nor denied in package.json's allowScripts`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const read = (file) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
  const allowList = parseAllowList(read('.ci/install-scripts-reviewed'));
  const problems = [
    ...allowList.problems,
    ...lockfileProblems(JSON.parse(read('package.json')), JSON.parse(read('package-lock.json')), allowList.names),
  ];
  if (problems.length > 0) {
    process.stderr.write(`package-lock.json check failed:\n  ${problems.join('\n  ')}\n`);
    process.exit(1);
  }
  process.stdout.write(
    'package-lock.json: every package from the npm registry, sha512-pinned, versions exact, install scripts reviewed\n',
  );
}
