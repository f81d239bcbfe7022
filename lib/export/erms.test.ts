import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findXmllint, schemaErrorsOfFile } from '../../test/support/xmllint';
import type { RecordStore } from '../store/store';
import { confidentialInput, exportItems, openTestStore, sampleInput, sampleSnapshot } from '../store/testing';
import { type ErmsOptions, toErmsXml } from './erms';
import { escapeXmlAttribute, escapeXmlText, toXmlChars } from './xml';

const OPTIONS: ErmsOptions = {
  organisation: 'Tyresö kommun',
  agency: 'Kommunstyrelsen, Kommunikationsenheten',
  system: 'Moderera 0.1.0',
  createdAt: new Date('2026-12-01T08:00:00Z'),
};

const workDir = mkdtempSync(join(tmpdir(), 'moderera-erms-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const xmllint = findXmllint();

/** xmllint's verdict: '' when valid, else its messages. */
function schemaErrors(xml: string, name: string): string {
  const file = join(workDir, name);
  writeFileSync(file, xml, 'utf8');
  return schemaErrorsOfFile(file);
}

let store: RecordStore;
afterEach(() => store?.close());

describe('toErmsXml', () => {
  it('finds xmllint', () => {
    expect(xmllint, 'install libxml2-utils').not.toBeNull();
  });

  it.runIf(xmllint)(
    'validates against ERMS_v3.xsd with a plain, a confidential and a hostile record',
    async () => {
      store = await openTestStore();
      const plain = await store.appendRecord(sampleInput());
      await store.addEvent(plain.id, {
        type: 'removal_outcome',
        outcome: 'failed',
        reason: 'Fliken stängdes',
      });
      await store.addEvent(plain.id, { type: 'removal_outcome', outcome: 'removed', reason: null });
      await store.addEvent(plain.id, { type: 'registered', diarienummer: 'KS 2026/0412' });
      await store.appendRecord(confidentialInput());
      const hostile =
        '<script>alert("x")</script> ]]> &amp; \u0000\u0001\u000b\ud800 ok\r\n\ufffe\uffff 😀 "\'';
      await store.appendRecord(
        sampleInput({
          snapshot: sampleSnapshot({
            authorName: hostile,
            authorUrl: null,
            text: hostile,
            postedAt: 'igår',
            postTitle: hostile,
          }),
          decision: { flags: [], action: 'hide', note: hostile, secrecy: null },
        }),
      );
      const xml = toErmsXml(await exportItems(store), OPTIONS);

      expect(schemaErrors(xml, 'records.xml')).toBe('');
      expect(xml).toContain('<objectId>KS 2026/0412</objectId>');
      expect(xml).not.toContain('<script>');
      expect(xml).toContain('&lt;script&gt;');
    },
  );

  it.runIf(xmllint)('is caught by the schema when it is wrong (the test can fail)', () => {
    expect(schemaErrors('<erms xmlns="https://DILCIS.eu/XML/ERMS"><records/></erms>', 'bad.xml')).not.toBe(
      '',
    );
  });

  it('gives a confidential record a restriction and a public title that reveals nothing secret', async () => {
    store = await openTestStore();
    await store.appendRecord(confidentialInput());
    const xml = toErmsXml(await exportItems(store), OPTIONS);
    const publicTitle = /<otherTitle titleType="public">([^<]*)<\/otherTitle>/.exec(xml)?.[1] ?? '';

    expect(publicTitle).toBe('Borttagen kommentar på Facebook – sekretess enligt OSL 26 kap. 1 §');
    expect(publicTitle).not.toMatch(/Bo Berg|Eva Ek|LVU|försörjningsstöd/);
    expect(xml).toMatch(
      /<restriction restrictionType="confidential">[\s\S]*<regulation>OSL 26 kap\. 1 §<\/regulation>[\s\S]*<date dateType="confidentiality_assessed">2026-11-28T14:05:00\+01:00<\/date>/,
    );
  });

  it('refuses an empty list (the schema needs a record)', () => {
    expect(() => toErmsXml([], OPTIONS)).toThrow(RangeError);
  });
});

describe('XML escaping', () => {
  it('escapes markup and keeps CR', () => {
    expect(escapeXmlText('a < b & c > d\r\n')).toBe('a &lt; b &amp; c &gt; d&#13;\n');
    expect(escapeXmlAttribute('"x"\ty\n')).toBe('&quot;x&quot;&#9;y&#10;');
  });

  it('replaces characters XML 1.0 cannot carry, keeping astral characters', () => {
    expect(toXmlChars('a\u0000b\u001fc\ud800d\ufffee😀')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde😀');
  });
});
