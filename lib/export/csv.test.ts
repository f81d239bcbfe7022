import { afterEach, describe, expect, it } from 'vitest';
import type { RecordStore } from '../store/store';
import { confidentialInput, exportItems, openTestStore, sampleInput, sampleSnapshot } from '../store/testing';
import { CSV_HEADERS, neutraliseFormula, parseCsv, toCsv, toCsvBytes, unneutralise } from './csv';

let store: RecordStore;
afterEach(() => store?.close());

const column = (rows: string[][], header: string) => {
  const index = rows[0]?.indexOf(header) ?? -1;
  return rows.slice(1).map((row) => row[index] ?? '');
};

describe('toCsv', () => {
  it('writes BOM, ; separators, CRLF, and quotes every field; OSL 5:2 columns first', async () => {
    store = await openTestStore();
    const record = await store.appendRecord(sampleInput());
    await store.addEvent(record.id, { type: 'registered', diarienummer: 'KS 2026/0412' });
    const csv = toCsv(await exportItems(store));

    expect(csv.startsWith('\uFEFF"Datum";"Diarienummer";"Avsändare";"Beskrivning";')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^"2025-11-05";"KS 2026\/0412";"Anna Andersson \(https:\/\/www\.facebook\.com\/anna\.andersson\)";"Borttagen kommentar på Facebook \(Personangrepp\)";/,
    );
    expect(lines[1]?.split('";"')).toHaveLength(CSV_HEADERS.length);
    expect(toCsvBytes([]).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('neutralises formulas and round-trips texts through parseCsv', async () => {
    store = await openTestStore();
    const texts = [
      '=HYPERLINK("http://x","y")',
      '+46 8 123 456',
      '-1',
      '@SUM(A1)',
      '\tflik',
      "'=redan citerad",
      'Rad 1\r\nRad 2\nRad 3; "citat" 😀 åäö',
      '',
    ];
    for (const text of texts) await store.appendRecord(sampleInput({ snapshot: sampleSnapshot({ text }) }));
    const csv = toCsv(await exportItems(store));

    expect(csv).toContain('"\'=HYPERLINK(""http://x"",""y"")"');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(CSV_HEADERS);
    const written = column(rows, 'Text');
    expect(written[0]).toBe('\'=HYPERLINK("http://x","y")');
    expect(written.map(unneutralise)).toEqual(texts);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('keeps sender and description apart for a confidential record', async () => {
    store = await openTestStore();
    await store.appendRecord(confidentialInput());
    const items = await exportItems(store);

    const rows = parseCsv(toCsv(items));
    expect(column(rows, 'Avsändare')).toEqual(['Sekretess – se akt']);
    expect(column(rows, 'Beskrivning')).toEqual([
      'Borttagen kommentar på Facebook – sekretess enligt OSL 26 kap. 1 §',
    ]);
    expect(column(rows, 'Författare')).toEqual(['Bo Berg']);
    expect(column(rows, 'Sekretess')[0]).toContain('OSL 26 kap. 1 §');

    const withheld = toCsv(items, { confidentialDetails: 'withhold' });
    expect(withheld).not.toContain('Bo Berg');
    expect(withheld).not.toContain('Eva Ek');
  });
});

describe('neutraliseFormula / unneutralise', () => {
  it('are inverse for every text', () => {
    for (const text of ['=1', "'=1", "''+1", "'plain", 'plain', '', "'"]) {
      expect(unneutralise(neutraliseFormula(text))).toBe(text);
    }
  });
});

describe('parseCsv', () => {
  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('"abc')).toThrow(SyntaxError);
  });
});
