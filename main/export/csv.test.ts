import { describe, expect, it } from 'vitest';
import { csvCell, decimal, text, toCsv } from './csv.ts';

describe('CSV cells', () => {
  it('quotes fields with commas, quotes or line breaks, doubling inner quotes', () => {
    expect(csvCell(text('plain'))).toBe('plain');
    expect(csvCell(text('Main, trading'))).toBe('"Main, trading"');
    expect(csvCell(text('the "big" one'))).toBe('"the ""big"" one"');
    expect(csvCell(text('two\nlines'))).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell(text('=HYPERLINK("http://x","y")'))).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell(text('+1'))).toBe("'+1");
    expect(csvCell(text('-2+3'))).toBe("'-2+3");
    expect(csvCell(text('@SUM(A1)'))).toBe("'@SUM(A1)");
    expect(csvCell(text('\t=1'))).toBe("'\t=1");
    expect(csvCell(text('\r=1'))).toBe('"\'\r=1"');
  });

  it('writes decimals exactly as given, negative ones too, and refuses anything else', () => {
    expect(csvCell(decimal('1011.1908877900'))).toBe('1011.1908877900');
    expect(csvCell(decimal('-0.5'))).toBe('-0.5');
    for (const bad of ['1e5', '=1+1', '', '1,5', ' 1']) expect(() => decimal(bad)).toThrow('not a plain decimal');
  });

  it('makes a file with a header and CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[text('x'), decimal('1')], [null, text('y,z')]])).toBe('a,b\r\nx,1\r\n,"y,z"\r\n');
  });
});
