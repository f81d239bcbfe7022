/**
 * Benchmarks the classifier on 100,000+ realistic comments generated deterministically from
 * templates (seeded PRNG) plus the dev comments. Prints throughput over the whole batch after a
 * warm-up, and the median time per comment (process.hrtime.bigint around each call).
 * Usage: npm run bench:classify
 */
import { existsSync } from 'node:fs';
import { classify } from '../lib/classifier';
import { readLabelled } from './lib/jsonl';

const COUNT = 100_000;
const DEV_FILE = '../shared/data/dev-comments.jsonl';

/** mulberry32: a small seeded PRNG, so every run classifies the same comments. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  'Storgatan',
  'Björkvägen 12',
  'skolan',
  'stationen',
  'Ekbacken',
  'torget',
  'badplatsen',
  'Kvarnvägen 3',
];
const THINGS = ['gatlampan', 'soptunnan', 'gungan', 'bänken', 'skylten', 'trafikljuset', 'brunnslocket'];
const TEMPLATES = [
  'Tack för en fin sommar på {place}! 😍',
  '{thing} vid {place} är trasig sedan en vecka, kan ni laga den?',
  'Hur gör man för att söka plats på förskolan vid {place}?',
  'När öppnar biblioteket igen efter renoveringen? Vi bor nära {place}.',
  'Vad fan håller ni på med, {thing} vid {place} har varit sönder i månader!!!',
  'Det är inte plogat på {place}, vi kommer inte ut med bilen ❄️❄️',
  'Kolla in min kanal för fler videor från {place}!!! sub4sub 🔥 https://youtube.com/@kalle',
  'Mitt personnummer är 19780523-2464, kan ni kolla mitt ärende om bygglov?',
  'Vilka partier röstade för att lägga ner skolan vid {place}? Vill veta inför valet.',
  'Love this town ❤️ greetings from Norway, visited {place} last summer',
  'Säljer ved 600 kr/säck, kan leverera till {place}. Ring 070-123 45 67',
  'Förslag: fler papperskorgar vid {place}, folk slänger skräp i buskarna. Läs mer på https://example.se/forslag?id=42',
  '@Anna Holm håller med dig helt, {place} är finast i hela kommunen 🏊‍♀️',
  'Hi, there is a broken street light on {place}, it has been dark for days',
  'jävla idiotpolitiker, ni förstör hela {place} med era beslut',
  'Min mamma har demens och bor på boendet vid {place}, hon får inte sin medicin i tid.',
  'Vattenläcka vid {place}, det forsar vatten upp ur en brunn sen i morse',
  '👍',
  'Grymt att ni satsar på {place}! Barnen älskar det. Hälsningar från en glad förälder som varit här länge och sett allt förändras till det bättre under åren, från den gamla lekplatsen till den nya fina parken med utegym och grillplatser.',
];

function generate(count: number): string[] {
  const random = prng(20240601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(pick(TEMPLATES).replaceAll('{place}', pick(PLACES)).replaceAll('{thing}', pick(THINGS)));
  }
  return out;
}

function main(): void {
  const dev = existsSync(DEV_FILE) ? readLabelled(DEV_FILE).map((comment) => comment.text) : [];
  const comments = [...generate(COUNT), ...dev];
  for (const text of comments.slice(0, 5_000)) classify(text);

  const durations = new Float64Array(comments.length);
  let sink = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < comments.length; i++) {
    const before = process.hrtime.bigint();
    sink += classify(comments[i] ?? '').flags.length;
    durations[i] = Number(process.hrtime.bigint() - before);
  }
  const totalNs = Number(process.hrtime.bigint() - started);
  durations.sort();
  const median = durations[Math.floor(durations.length / 2)] ?? 0;
  const perSecond = comments.length / (totalNs / 1e9);
  console.log(`comments: ${comments.length} (${dev.length} dev), flagged: ${sink} flags in total`);
  console.log(`throughput: ${Math.round(perSecond).toLocaleString('en')} comments/s (one core)`);
  console.log(`median: ${(median / 1000).toFixed(1)} µs per comment`);
}

main();
