import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../scripts/check-architecture.mjs', import.meta.url));
const check = (cwd: string) => spawnSync(process.execPath, [script, 'src'], { cwd, encoding: 'utf8' });

describe('npm run check:architecture', () => {
  it('passes on the service as it is', () => {
    const run = check(fileURLToPath(new URL('..', import.meta.url)));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('fails on a cycle between modules and on SQL away from its table owner', () => {
    const run = check(fileURLToPath(new URL('./fixtures/architecture', import.meta.url)));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('module cycle: alpha, beta');
    expect(run.stderr).toContain('alpha → beta: src/modules/alpha/alpha.service.ts → src/modules/beta/beta.service.ts');
    expect(run.stderr).toContain(
      'table owner: src/modules/alpha/alpha.repository.ts reads declaration, owned by src/modules/declarations/',
    );
  });
});
