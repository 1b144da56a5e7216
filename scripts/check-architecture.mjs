// The architecture check of `npm run check`: dependency-cruiser's rules (.dependency-cruiser.cjs: no import cycle,
// no reaching into another module's internals, layers pointing one way), then the same graph seen one feature module
// at a time: a cycle between modules (declarations → clearance → declarations) fails even when no file-level cycle
// exists. Prints every violation with the imports that make it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { createRequire } from 'node:module';

const ruleSet = createRequire(import.meta.url)('../.dependency-cruiser.cjs');
const printGraph = process.argv.includes('--graph');
const args = process.argv.slice(2).filter((a) => a !== '--graph');
const roots = args.length ? args : ['src'];
const tsConfig = await extractTSConfig('tsconfig.json');
const result = await cruise(roots, { ...ruleSet.options, validate: true, ruleSet, outputType: 'json' }, undefined, {
  tsConfig,
});
const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;

let failed = false;
for (const v of output.summary.violations) {
  failed = true;
  console.error(
    `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? `  (cycle: ${v.cycle.map((c) => c.name ?? c).join(' → ')})` : ''}`,
  );
}

// Module graph: an edge A → B for every import from src/modules/A/** of src/modules/B/**, with one example import.
const moduleOf = (path) => /^src\/modules\/([^/]+)\//.exec(path)?.[1];
const edges = new Map();
for (const m of output.modules) {
  const from = moduleOf(m.source);
  if (!from) continue;
  for (const d of m.dependencies) {
    const to = moduleOf(d.resolved);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${m.source} → ${d.resolved}`);
  }
}
if (printGraph) {
  // `--graph`: each feature module and the modules it uses, as in docs/architecture.md.
  for (const m of [...new Set(output.modules.map((x) => moduleOf(x.source)).filter(Boolean))].sort())
    console.log(`${m.padEnd(14)} → ${[...(edges.get(m)?.keys() ?? [])].sort().join(', ') || '(none)'}`);
}
// Tarjan's strongly connected components: every component of more than one module is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const components = [];
function visit(v) {
  state.set(v, { index, low: index, onStack: true });
  index += 1;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!state.has(w)) {
      visit(w);
      state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
    } else if (state.get(w).onStack) state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
  }
  if (state.get(v).low === state.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component);
  }
}
for (const v of edges.keys()) if (!state.has(v)) visit(v);
for (const component of components) {
  failed = true;
  const members = new Set(component);
  console.error(`module cycle: ${component.sort().join(', ')}`);
  for (const a of component)
    for (const [b, example] of edges.get(a) ?? []) if (members.has(b)) console.error(`  ${a} → ${b}: ${example}`);
}

// One owner per table: SQL naming a table (FROM, JOIN, INSERT INTO, UPDATE, DELETE FROM) sits under its owner's
// folder, or reads it from a module the map lists in `readBy` (a join inside that module's own statement), or
// writes it from a module listed in `writtenBy` (a statement that must stay one statement, with the reason).
const owners = JSON.parse(readFileSync(new URL('./table-owners.json', import.meta.url), 'utf8'));
const sqlReference = /\b(INSERT INTO|UPDATE|DELETE FROM|FROM|JOIN)\s+"?([a-z_][a-z0-9_]*)"?/g;
const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
const under = (file, prefixes) => prefixes.some((prefix) => file.startsWith(prefix));
for (const file of roots.flatMap(sources)) {
  const seen = new Set();
  for (const [, verb, table] of readFileSync(file, 'utf8').matchAll(sqlReference)) {
    const rule = owners[table];
    if (!rule || file.startsWith(rule.owner)) continue;
    const reads = verb === 'FROM' || verb === 'JOIN';
    if (reads && under(file, rule.readBy ?? [])) continue;
    if (
      !reads &&
      under(
        file,
        (rule.writtenBy ?? []).map((w) => w.path),
      )
    )
      continue;
    const line = `table owner: ${file} ${reads ? 'reads' : 'writes'} ${table}, owned by ${rule.owner}`;
    if (seen.has(line)) continue;
    seen.add(line);
    failed = true;
    console.error(line);
  }
}

if (failed) process.exit(1);
console.log(
  `architecture: ${output.summary.totalCruised} files, ${new Set(output.modules.map((m) => moduleOf(m.source)).filter(Boolean)).size} feature modules, no cycles, no reach into internals, every table's SQL with its owner`,
);
