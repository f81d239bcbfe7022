import { describe, expect, it } from 'vitest';
import { FLAG_IDS } from '../policy/labels';
import { classify } from './index';
import { CUE_TABLES, FLAG_LEXICONS } from './lexicon';
import { compileMatcher } from './matcher';
import { normalise, normaliseKey } from './normalise';
import type { LexiconEntry, LexiconFile } from './types';

function ruleOf(file: LexiconFile, entry: LexiconEntry): string {
  return `${file.group}.${file.lang}:${entry.word ?? entry.id ?? entry.pattern}`;
}

function firesOn(file: LexiconFile, entry: LexiconEntry, text: string): boolean {
  const matcher = compileMatcher([{ ...file, entries: [entry] }]);
  return matcher.match(text, normalise(text)).some((hit) => hit.rule === ruleOf(file, entry));
}

describe('flag lexicons', () => {
  it('has a Swedish and an English file for every flag', () => {
    for (const flag of FLAG_IDS) {
      expect(FLAG_LEXICONS.filter((file) => file.group === flag).map((file) => file.lang)).toEqual([
        'sv',
        'en',
      ]);
    }
  });

  for (const file of FLAG_LEXICONS) {
    describe(`${file.group}.${file.lang}`, () => {
      for (const entry of file.entries) {
        it(`${entry.word ?? entry.id}: fires on its example and yields ${file.group}`, () => {
          expect(entry.note.length).toBeGreaterThan(0);
          expect(firesOn(file, entry, entry.example)).toBe(true);
          expect(classify(entry.example).flags).toContain(file.group);
        });
      }
    });
  }
});

describe('cue tables', () => {
  for (const file of CUE_TABLES) {
    it(`${file.group}: every entry fires on its example`, () => {
      const silent = file.entries.filter((entry) => !firesOn(file, entry, entry.example));
      expect(silent.map((entry) => entry.word ?? entry.id)).toEqual([]);
    });
  }

  it('patterns use no capturing groups and compile', () => {
    for (const file of [...FLAG_LEXICONS, ...CUE_TABLES]) {
      for (const entry of file.entries) {
        if (entry.pattern === undefined) continue;
        expect(new RegExp(`${entry.pattern}|`, 'u').exec('')?.length, entry.id).toBe(1);
      }
    }
  });
});

describe('lexicon keys', () => {
  it('the shortcut for plain words gives the same key as normalising the word in full', () => {
    const words = [...FLAG_LEXICONS, ...CUE_TABLES].flatMap((file) =>
      file.entries.flatMap((entry) => (entry.word === undefined ? [] : [entry.word])),
    );
    const tricky = ['jäääävla', 'Idiot', 'f*ck', 'ta bort', 'øl', 'a b c', 'idiooot', 'åäö'];
    for (const word of [...words, ...tricky])
      expect(normaliseKey(word), word).toBe(normalise(word).text.trim());
    // Most lexicon words take the shortcut; were it never taken, this test would prove nothing.
    expect(words.filter((word) => /^[a-zåäö]+$/.test(word)).length).toBeGreaterThan(words.length / 2);
  });
});
