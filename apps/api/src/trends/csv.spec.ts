import { csvCell, csvFilename, toCsv } from './csv';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('neutralises and quotes the text %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes numbers as numbers, negative ones included, and empties as empty', () => {
    expect([csvCell(-3), csvCell(0.25), csvCell(null), csvCell(undefined), csvCell(Number.NaN)]).toEqual([
      '-3',
      '0.25',
      '',
      '',
      '',
    ]);
  });

  it('writes a header row and CRLF-terminated rows in column order', () => {
    const rows = [
      { term: 'outage', mentions: 12, extra: 'ignored' },
      { term: '=cmd|calc', mentions: 3, extra: '' },
    ];
    expect(toCsv(['term', 'mentions'], rows)).toBe("term,mentions\r\noutage,12\r\n'=cmd|calc,3\r\n");
    expect(toCsv(['term'], [])).toBe('term\r\n');
  });

  it('names the file after the trend and its range, with no characters a file system refuses', () => {
    expect(csvFilename('sentiment', '2026-03-10T10:00:00.000Z', '2026-03-11T10:00:00.000Z')).toBe(
      'trends-sentiment-20260310T1000Z-20260311T1000Z.csv',
    );
    expect(csvFilename('../x"y', '2026-03-10T10:00:00.000Z', '2026-03-10T10:30:00.000Z')).toMatch(
      /^trends-xy-[0-9TZ]+-[0-9TZ]+\.csv$/,
    );
  });
});
