import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { constraintName, hasFieldProblem } from './common/validation/field-problems.js';

/** Every request DTO of every module (`*.dto.ts`), so that their decorators are registered. */
function dtoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dtoFiles(path);
    return entry.name.endsWith('.dto.ts') ? [path] : [];
  });
}

describe('validation messages', () => {
  it('has a translated problem for every constraint used on a request DTO', async () => {
    const files = dtoFiles(join(import.meta.dirname, 'modules'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) await import(file);
    // The storage keeps the metadata per class in a private map; reading it is the only way to list them all.
    const byClass = (
      getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Parameters<typeof constraintName>[0][]> }
    ).validationMetadatas;
    const names = new Set([...byClass.values()].flat().map((metadata) => constraintName(metadata)));
    // Added by the validator itself rather than by a decorator.
    for (const name of ['whitelistValidation', 'unknownValue']) names.add(name);
    names.delete('conditionalValidation'); // @IsOptional: never fails
    expect(names.size).toBeGreaterThan(15);
    expect([...names].filter((name) => !hasFieldProblem(name))).toEqual([]);
  });
});
