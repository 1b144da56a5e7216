import { attachOptionValues } from './cli-args.js';

describe('attachOptionValues', () => {
  const options = ['company', 'prefix'];

  it('keeps a value that begins with a dash as the value of its option', () => {
    expect(attachOptionValues(['--company', 'x', '--prefix', '-Ab3_9zQ'], options)).toEqual([
      '--company',
      'x',
      '--prefix=-Ab3_9zQ',
    ]);
    expect(attachOptionValues(['--prefix', '--A_b-9z'], options)).toEqual(['--prefix=--A_b-9z']);
  });

  it('leaves ordinary values, flags and a missing value for parseArgs to judge', () => {
    expect(attachOptionValues(['--prefix', 'Ab3_9zQx', '--json'], options)).toEqual(['--prefix', 'Ab3_9zQx', '--json']);
    expect(attachOptionValues(['--prefix', '--json'], options)).toEqual(['--prefix', '--json']);
    expect(attachOptionValues(['--prefix', '--company', 'x'], options)).toEqual(['--prefix', '--company', 'x']);
    expect(attachOptionValues(['--prefix'], options)).toEqual(['--prefix']);
    expect(attachOptionValues(['--other', '-x'], options)).toEqual(['--other', '-x']);
  });
});
