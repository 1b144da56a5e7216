import { PlateNumber } from '../../src/common/identifiers/plate-number.js';
import { cnTrailerPlate, cnTruckPlate, distinctPlates, plateShort, vnTrailerPlate, vnTruckPlate } from './plates.js';
import { Random } from './random.js';

describe('seed plates', () => {
  const random = new Random(7);
  const sample = (draw: (r: Random) => string): string[] => Array.from({ length: 2000 }, () => draw(random));

  it.each([
    ['VN truck', vnTruckPlate, 'VN', 'vehicle'],
    ['VN trailer', vnTrailerPlate, 'VN', 'trailer'],
    ['CN truck', cnTruckPlate, 'CN', 'vehicle'],
    ['CN trailer', cnTrailerPlate, 'CN', 'trailer'],
  ] as const)('%s plates are exactly what PlateNumber.parse stores', (_name, draw, country, kind) => {
    for (const plate of sample(draw)) {
      const parsed = PlateNumber.parse(plate);
      expect({ value: parsed.value, country: parsed.country, kind: parsed.kind }).toEqual({
        value: plate,
        country,
        kind,
      });
    }
  });

  it('parses the display form back to the same canonical plate', () => {
    for (const plate of [...sample(vnTruckPlate), ...sample(cnTruckPlate)]) {
      expect(PlateNumber.parse(PlateNumber.parse(plate).display()).value).toBe(plate);
    }
  });

  it('keeps the short form of Chinese plates as PlateNumber does', () => {
    for (const plate of sample(cnTruckPlate)) {
      expect(plateShort(plate, 'CN')).toBe(PlateNumber.parse(plate).withoutProvince);
    }
    expect(plateShort('12C12345', 'VN')).toBeNull();
  });

  it('mostly draws Lạng Sơn trucks and Guangxi trucks', () => {
    const ls = sample(vnTruckPlate).filter((p) => p.startsWith('12')).length / 2000;
    const gx = sample(cnTruckPlate).filter((p) => p.startsWith('桂')).length / 2000;
    expect(ls).toBeGreaterThan(0.5);
    expect(gx).toBeGreaterThan(0.6);
  });

  it('draws distinct plates', () => {
    const plates = distinctPlates(500, () => vnTruckPlate(random));
    expect(new Set(plates).size).toBe(500);
  });
});
