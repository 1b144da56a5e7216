import { declaredCharset, encodingProblem } from './utf8-json-parser.js';

describe('declaredCharset', () => {
  it.each([
    ['application/json', null],
    ['application/json; charset=utf-8', 'utf-8'],
    ['application/json;charset="UTF-8"', 'utf-8'],
    ['application/json; boundary=x; CharSet=ISO-8859-1', 'iso-8859-1'],
  ])('reads %s as %s', (header, charset) => {
    expect(declaredCharset(header)).toBe(charset);
  });
});

describe('encodingProblem', () => {
  const json = Buffer.from('{"name":"Nguyễn"}');

  it('takes UTF-8 with or without a declared charset', () => {
    expect(encodingProblem('application/json', json)).toBeNull();
    expect(encodingProblem('application/json; charset="utf-8"', json)).toBeNull();
  });

  it.each(['utf-16', 'ISO-8859-1', '"windows-1252"', ''])('refuses charset=%s with 415', (charset) => {
    expect(encodingProblem(`application/json; charset=${charset}`, json)?.code).toBe('REQUEST.UNSUPPORTED_CHARSET');
  });

  it('refuses bytes that are not UTF-8 with 400', () => {
    const latin1 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]); // {"a":"é"} in Latin-1
    const problem = encodingProblem('application/json', latin1);
    expect(problem?.code).toBe('REQUEST.INVALID_ENCODING');
    expect(problem?.status).toBe(400);
  });
});
