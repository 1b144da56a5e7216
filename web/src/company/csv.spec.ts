import { describe, expect, it } from '@jest/globals';
import { parseCsv, toCsv } from './csv';
import { checkValues, FIELDS, rowValues, TEMPLATE_EXAMPLE, toBody } from './declaration-form';

describe('parseCsv', () => {
  it('reads quoted cells with separators, doubled quotes and line breaks inside', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('drops a leading BOM and blank lines, and reads a last row without a line break', () => {
    expect(parseCsv('\uFEFFgate,direction\n\nHUU_NGHI,export\n\n1,2')).toEqual([
      ['gate', 'direction'],
      ['HUU_NGHI', 'export'],
      ['1', '2'],
    ]);
  });

  it('takes ; as the separator when the header uses it (spreadsheets in some locales)', () => {
    expect(parseCsv('a;b\n"1,5";2\n')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });

  it('keeps empty cells, Vietnamese and Chinese text', () => {
    expect(parseCsv('a,b,c\nNguyễn Văn An,,桂A12345\n')).toEqual([
      ['a', 'b', 'c'],
      ['Nguyễn Văn An', '', '桂A12345'],
    ]);
  });
});

describe('toCsv', () => {
  it('writes what parseCsv reads back', () => {
    const rows = [
      ['gate', 'cargo_description'],
      ['HUU_NGHI', 'Fruit, "fresh"\nand cold'],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('the declarations template and its rows', () => {
  const NOW = Date.parse('2026-12-07T01:00:00Z');

  it('has a column for every field, the kind of trip and containers with sizes included, and its example is valid', () => {
    const columns = FIELDS.map((f) => f.column);
    expect(columns).toEqual(
      expect.arrayContaining([
        'trip_kind',
        'handover_role',
        'handover_linked_declaration_id',
        'vehicle_tonnage_kg',
        'vehicle_two_way_transport',
        'vehicle_container_1_number',
        'vehicle_container_1_size_feet',
        'vehicle_container_2_number',
        'vehicle_container_2_size_feet',
        'cargo_regime',
        'fee_exemption_code',
      ]),
    );
    const [header, row] = parseCsv(toCsv([columns, columns.map((c) => TEMPLATE_EXAMPLE[c] ?? '')]));
    const values = rowValues(header, row);
    expect(checkValues(values, 'en', NOW)).toEqual({});
    expect(toBody(values).vehicle.containers).toEqual([{ number: 'CSQU3054383', sizeFeet: 40 }]);
  });

  it('reads an older file: its one container_number column, and no kind of trip or regime (through, standard)', () => {
    const [header, row] = parseCsv(
      'gate,direction,expected_arrival_at,vehicle_plate,vehicle_nationality,vehicle_container_number,' +
        'driver_full_name,driver_document_number,driver_nationality,cargo_description,cargo_gross_weight_kg,' +
        'cargo_perishable\nHUU_NGHI,export,2026-12-08 08:00,12C-123.45,VN,CSQU3054383,Nguyễn Văn An,' +
        '020090001234,VN,Fruit,18000,true\n',
    );
    const values = rowValues(header, row);
    expect(checkValues(values, 'en', NOW)).toEqual({});
    const body = toBody(values);
    expect(body).toMatchObject({ tripKind: 'through', cargo: { regime: 'standard' } });
    expect(body.vehicle.containers).toEqual([{ number: 'CSQU3054383', sizeFeet: undefined }]);
    expect(body.handover).toBeUndefined();
  });

  it('reads the receiving leg of a transshipment, and asks a handover kind for its role', () => {
    const header = ['trip_kind', 'handover_role', 'handover_linked_declaration_id'];
    const id = '3f2a9c1e-5b7d-4e8f-9a01-23456789abcd';
    expect(toBody(rowValues(header, ['transshipment', 'receiving', id])).handover).toEqual({
      role: 'receiving',
      linkedDeclarationId: id,
    });
    const noRole = checkValues(rowValues(header, ['tractor_swap', '', '']), 'en', NOW);
    expect(noRole['handover.role']).toBe('is required for a tractor_swap trip: give role delivering or receiving');
  });
});
