import { DomainError } from '../../common/errors/domain-error.js';
import { canonicaliseTrip } from './trip-input.js';

const DELIVERING_ID = '3F2A9C1E-5B7D-4E8F-9A01-23456789ABCD';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError && Array.isArray(error.details)) return error.details[0]?.field;
    throw error;
  }
  return undefined;
}

describe('canonicaliseTrip', () => {
  it('makes a trip without a kind a through trip without a handover', () => {
    expect(canonicaliseTrip({})).toEqual({ tripKind: 'through', handoverRole: null, linkedDeclarationId: null });
  });

  it('refuses a handover on a kind made of one vehicle', () => {
    for (const tripKind of ['through', 'empty', 'delivery_and_return'] as const) {
      expect(fieldOf(() => canonicaliseTrip({ tripKind, handover: { role: 'delivering' } }))).toBe('handover');
    }
  });

  it('needs a handover on transshipment and tractor swap', () => {
    expect(fieldOf(() => canonicaliseTrip({ tripKind: 'transshipment' }))).toBe('handover');
    expect(fieldOf(() => canonicaliseTrip({ tripKind: 'tractor_swap' }))).toBe('handover');
  });

  it('lets the receiving vehicle, and only it, name the delivering declaration', () => {
    expect(fieldOf(() => canonicaliseTrip({ tripKind: 'transshipment', handover: { role: 'receiving' } }))).toBe(
      'handover.linkedDeclarationId',
    );
    expect(
      fieldOf(() =>
        canonicaliseTrip({
          tripKind: 'transshipment',
          handover: { role: 'delivering', linkedDeclarationId: DELIVERING_ID },
        }),
      ),
    ).toBe('handover.linkedDeclarationId');
    expect(
      canonicaliseTrip({
        tripKind: 'tractor_swap',
        handover: { role: 'receiving', linkedDeclarationId: DELIVERING_ID },
      }),
    ).toEqual({
      tripKind: 'tractor_swap',
      handoverRole: 'receiving',
      linkedDeclarationId: DELIVERING_ID.toLowerCase(),
    });
    expect(canonicaliseTrip({ tripKind: 'transshipment', handover: { role: 'delivering' } })).toEqual({
      tripKind: 'transshipment',
      handoverRole: 'delivering',
      linkedDeclarationId: null,
    });
  });
});
