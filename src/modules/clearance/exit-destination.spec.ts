import { crossesBorder, exitDestination } from './exit.service.js';

describe('exit destination per kind of trip', () => {
  it.each([
    ['through', null],
    ['empty', null],
    ['delivery_and_return', null],
    ['transshipment', 'receiving'],
    ['tractor_swap', 'receiving'],
  ] as const)('sends a cleared %s (%s) vehicle in the goods direction', (kind, role) => {
    expect(exitDestination('export', 'cleared', { kind, role })).toBe('CN');
    expect(exitDestination('import', 'cleared', { kind, role })).toBe('VN_INLAND');
  });

  it.each(['transshipment', 'tractor_swap'] as const)(
    'sends the delivering leg of a %s back whence it came',
    (kind) => {
      expect(exitDestination('export', 'cleared', { kind, role: 'delivering' })).toBe('VN_INLAND');
      expect(exitDestination('import', 'cleared', { kind, role: 'delivering' })).toBe('CN');
    },
  );

  it('sends any refused vehicle back whence it came', () => {
    expect(exitDestination('export', 'refused', { kind: 'delivery_and_return', role: null })).toBe('VN_INLAND');
    expect(exitDestination('import', 'refused', { kind: 'transshipment', role: 'receiving' })).toBe('CN');
    expect(exitDestination('import', 'refused')).toBe('CN');
  });

  it('calls an exit in the goods direction a crossing', () => {
    expect(crossesBorder('export', 'CN')).toBe(true);
    expect(crossesBorder('import', 'VN_INLAND')).toBe(true);
    expect(crossesBorder('export', 'VN_INLAND')).toBe(false);
    expect(crossesBorder('import', 'CN')).toBe(false);
  });
});
