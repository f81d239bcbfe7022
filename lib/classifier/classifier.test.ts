import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, FLAG_IDS, HINT_IDS } from '../policy/labels';
import { checkIdNumber, detectIdentifiers, luhnValid } from './confidential';
import { CLASSIFIER_VERSION, classify, prepareClassifierStep } from './index';
import { normalise } from './normalise';

/** Appends the Luhn check digit to YYMMDDNNN. */
function withCheckDigit(nine: string): string {
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(nine + digit)) return nine + digit;
  throw new Error('unreachable');
}

const flagsOf = (text: string) => classify(text).flags;

describe('classify: contract', () => {
  it('returns ids from labels.ts, confidence in [0, 1] and a version', () => {
    const result = classify('Hej! När öppnar simhallen?');
    expect(CATEGORY_IDS).toContain(result.category);
    for (const flag of result.flags) expect(FLAG_IDS).toContain(flag);
    for (const hint of result.hints) expect(HINT_IDS).toContain(hint);
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(CLASSIFIER_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is deterministic and does not mutate the settings', () => {
    const settings = Object.freeze({ extraWords: Object.freeze({ profanity: Object.freeze(['tusan']) }) });
    const text = 'Tusan också, lampan på Storgatan är trasig 😡 https://x.se';
    expect(classify(text, settings)).toEqual(classify(text, settings));
  });

  it('any flag makes the category offensive_confidential, then fault, question, praise', () => {
    expect(classify('Gatlampan är trasig, fy fan').category).toBe('offensive_confidential');
    expect(classify('När ska ni laga lampan på Ekvägen? Den har blinkat i veckor').category).toBe(
      'fault_report',
    );
    expect(classify('Hur söker man förskoleplats?').category).toBe('question');
    expect(classify('Tack för en fin dag ❤️').category).toBe('praise');
  });

  it('gives evidence spans in original UTF-16 offsets for flags and category', () => {
    const text = '😡😡 Vad FAAAN håller ni på med?';
    const result = classify(text);
    const swear = result.evidence.find((item) => item.target === 'profanity');
    expect(swear).toBeDefined();
    expect(text.slice(swear?.start, swear?.end)).toBe('FAAAN');
    expect(swear?.text).toBe('FAAAN');
    expect(swear?.rule).toBe('profanity.sv:fan');
    expect(result.evidence.some((item) => item.target === 'offensive_confidential')).toBe(true);
    for (const item of result.evidence) expect(text.slice(item.start, item.end)).toBe(item.text);
  });
});

describe('classify: hard cases of words', () => {
  it.each([
    'Kassandra var på biblioteket idag, så fint',
    'Vilken vacker horisont över sjön',
    'Köpte en kuksa på julmarknaden',
    'Sexan är bästa bussen',
    'Jag vill höra mer om planerna',
    'Skitbra jobbat med lekplatsen!',
    'Det var inte så jäkla dumt',
    'Krossat glas på gräset efter helgen',
  ])('does not flag an everyday word: %s', (text) => {
    expect(flagsOf(text)).toEqual([]);
  });

  it.each([
    ['jävlakommun som aldrig lyssnar', 'profanity'],
    ['idiotpolitiker överallt', 'personal_attack'],
    ['Vilken kommunidiot som bestämt det här', 'personal_attack'],
    ['JÄVLA SKIT', 'profanity'],
    ['jäääääävla', 'profanity'],
    ['javla skit', 'profanity'],
    ['f i t t a', 'profanity'],
    ['f.i.t.t.a', 'profanity'],
    ['f1tta', 'profanity'],
    ['FUUUUCK', 'profanity'],
    ['sh1t service', 'profanity'],
    ['Du är en h0ra', 'profanity'],
  ] as const)('flags %s as %s', (text, flag) => {
    expect(flagsOf(text)).toContain(flag);
  });

  it('ignores words inside quotation marks (reported speech)', () => {
    const text = "Barnen ropar 'jävla bög' efter varandra på fritids, vad gör ni åt det?";
    expect(classify(text)).toMatchObject({ category: 'question', flags: [] });
  });

  it('merges the user’s extra words at run time, a trailing * matching a prefix', () => {
    expect(flagsOf('Handla hos Blomsterkungen')).not.toContain('commercial');
    const settings = { extraWords: { commercial: ['blomsterkung*'], profanity: ['tusan'] } };
    expect(classify('Handla hos Blomsterkungen', settings).flags).toContain('commercial');
    expect(classify('Tusan också', settings).flags).toEqual(['profanity']);
    expect(classify('Tusan också', settings).evidence[0]?.rule).toBe('profanity.user:tusan');
  });

  it('compiles the user’s words a step at a time too, with the same result as in one go', () => {
    const words = { commercial: ['blomsterkung*'], profanity: ['tusan'] };
    const stepwise = { extraWords: { ...words } };
    let steps = 0;
    while (prepareClassifierStep(stepwise)) steps++;
    expect(steps).toBeGreaterThan(1);
    expect(prepareClassifierStep(stepwise)).toBe(false);
    const text = 'Tusan, handla hos Blomsterkungen';
    expect(classify(text, stepwise)).toEqual(classify(text, { extraWords: { ...words } }));
    expect(new Set(classify(text, stepwise).flags)).toEqual(new Set(['commercial', 'profanity']));
  });
});

describe('confidential data', () => {
  const serial = withCheckDigit('780523246').slice(6);
  const coordination = withCheckDigit('780583123');

  it.each([
    `780523-${serial}`,
    `780523${serial}`,
    `19780523-${serial}`,
    `19780523${serial}`,
    `780523+${serial}`,
    `${coordination.slice(0, 6)}-${coordination.slice(6)}`,
    `19${coordination}`,
  ])('flags a valid id number %s', (id) => {
    const result = classify(`Hej, mitt nummer är ${id} om ni vill kolla ärendet.`);
    expect(result.flags).toContain('confidential');
    expect(result.evidence.some((item) => item.target === 'confidential' && item.text === id)).toBe(true);
  });

  it('does not flag an invalid check digit alone, but does after "personnummer"', () => {
    const invalid = `780523-${(Number(serial) + 1) % 10000}`.padEnd(11, '0');
    expect(checkIdNumber(invalid)?.luhnValid).toBe(false);
    expect(flagsOf(`Ärendet har nummer ${invalid}`)).toEqual([]);
    expect(flagsOf(`Mitt personnummer är ${invalid}`)).toContain('confidential');
  });

  it('rejects impossible dates', () => {
    expect(checkIdNumber('781323-1234')?.dateValid).toBe(false);
    expect(checkIdNumber('19780230-1234')?.dateValid).toBe(false);
  });

  it('detects phone numbers, e-mail, addresses and validated giro numbers', () => {
    const rules = detectIdentifiers(
      'Ring 070-174 06 21 eller mejla anna.ek@example.se, jag bor på Björkvägen 14. Bankgiro 5050-1055.',
    ).map((hit) => hit.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'confidential:phone',
        'confidential:email',
        'confidential:address',
        'confidential:bankgiro',
      ]),
    );
  });

  it('does not flag the writer’s own phone number on a fault report', () => {
    const result = classify(
      'Trasig lampa i gångtunneln. Ring mig gärna på 070-174 06 21 om ni behöver veta var',
    );
    expect(result).toMatchObject({ category: 'fault_report', flags: [] });
  });

  it('flags sensitive matters about an identifiable person, not a question in general', () => {
    expect(flagsOf('Min granne Birgitta har fått avslag på LSS för sin son')).toContain('confidential');
    expect(flagsOf('Familjen Ek på Ekvägen 3 har skyddad identitet')).toContain('confidential');
    expect(flagsOf('Vad är LVU?')).toEqual([]);
    expect(flagsOf('Jag har en allergi, kan jag vaccinera mig?')).toEqual([]);
    expect(flagsOf('Jag har MS och sitter i rullstol. Finns det ramp på biblioteket?')).toEqual([]);
  });
});

describe('categories and hints', () => {
  it('reads missing å, ä, ö', () => {
    expect(classify('hal i vagen vid skolan, ingen sand').category).toBe('fault_report');
    expect(classify('kan man kopa fiskekort nanstans i centrum?').category).toBe('question');
  });

  it('marks political questions', () => {
    expect(classify('Vilka partier röstade för att stänga biblioteket?').hints).toContain('political');
    expect(classify('Kommer ni sända kommunfullmäktige live?').hints).not.toContain('political');
  });

  it('asks for review when unsure, not for clear cases', () => {
    expect(classify('Min dotter har autism och går i 2B. Finns det anpassad simskola?').hints).toContain(
      'needs_review',
    );
    expect(classify('Hur söker man förskoleplats?').hints).not.toContain('needs_review');
    expect(classify('Tack för hjälpen!').hints).not.toContain('needs_review');
  });
});

describe('normalise', () => {
  it('maps every character back to the original text', () => {
    const original = 'JÄÄÄÄVLA  f1tta!! 👍 k u k';
    const { text, origStart, origEnd } = normalise(original);
    expect(text).toBe(' jävla fitta kuk ');
    const at = text.indexOf('kuk');
    expect(original.slice(origStart[at], origEnd[at + 2])).toBe('k u k');
  });
});
