/**
 * Evaluates the classifier on labelled JSON Lines files: category accuracy (an answer in `also`
 * counts as right), the confusion matrix, per-flag precision and recall, and the hint `political`.
 * With --gate it checks the release thresholds and exits non-zero when one falls short.
 * Usage: tsx scripts/eval.ts [--gate] [--verbose] file.jsonl…
 */
import { basename } from 'node:path';
import { classify } from '../lib/classifier';
import { CATEGORY_IDS, type CategoryId, FLAG_IDS } from '../lib/policy/labels';
import { type LabelledComment, readLabelled } from './lib/jsonl';

interface Count {
  tp: number;
  fp: number;
  fn: number;
}

interface GateCheck {
  name: string;
  passed: boolean;
}

const CATEGORY_MIN = 0.92;
const FLAG_MIN = 0.85;
const SWEFAQ_QUESTION_MIN = 0.95;

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const pct = (value: number) => value.toFixed(3);

function newCount(): Count {
  return { tp: 0, fp: 0, fn: 0 };
}

function tally(count: Count, expected: boolean, predicted: boolean): void {
  if (expected && predicted) count.tp++;
  else if (predicted) count.fp++;
  else if (expected) count.fn++;
}

function evaluateFile(path: string, gate: boolean, verbose: boolean): GateCheck[] {
  const comments = readLabelled(path);
  const confusion = new Map<string, number>();
  const flagCounts = new Map(FLAG_IDS.map((flag) => [flag, newCount()]));
  const political = newCount();
  let correct = 0;
  let asQuestion = 0;
  let flagged = 0;
  for (const comment of comments) {
    const result = classify(comment.text);
    const right = result.category === comment.category || comment.also.includes(result.category);
    if (right) correct++;
    if (result.category === 'question') asQuestion++;
    if (result.flags.length > 0) flagged++;
    const key = `${comment.category}|${result.category}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    for (const flag of FLAG_IDS) {
      tally(flagCounts.get(flag) ?? newCount(), comment.flags.includes(flag), result.flags.includes(flag));
    }
    tally(political, comment.hints.includes('political'), result.hints.includes('political'));
    if (verbose) reportMistake(comment, result.category, result.flags, right);
  }
  const accuracy = ratio(correct, comments.length);
  console.log(`\n== ${path} (${comments.length} comments)`);
  console.log(`category accuracy: ${pct(accuracy)} (${correct}/${comments.length})`);
  printConfusion(confusion);
  printFlags(flagCounts, political);
  if (!gate) return [];
  if (basename(path).includes('swefaq')) {
    const questionShare = ratio(asQuestion, comments.length);
    return [
      check(
        `${basename(path)}: classified question ${pct(questionShare)} ≥ ${SWEFAQ_QUESTION_MIN}`,
        questionShare >= SWEFAQ_QUESTION_MIN,
      ),
      check(`${basename(path)}: flagged ${flagged} = 0`, flagged === 0),
    ];
  }
  const checks = [
    check(
      `${basename(path)}: category accuracy ${pct(accuracy)} ≥ ${CATEGORY_MIN}`,
      accuracy >= CATEGORY_MIN,
    ),
  ];
  for (const [flag, count] of flagCounts) {
    if (count.tp + count.fn === 0) continue;
    const precision = ratio(count.tp, count.tp + count.fp);
    const recall = ratio(count.tp, count.tp + count.fn);
    checks.push(
      check(`${basename(path)}: ${flag} precision ${pct(precision)} ≥ ${FLAG_MIN}`, precision >= FLAG_MIN),
    );
    checks.push(check(`${basename(path)}: ${flag} recall ${pct(recall)} ≥ ${FLAG_MIN}`, recall >= FLAG_MIN));
  }
  return checks;
}

function check(name: string, passed: boolean): GateCheck {
  if (!passed) console.log(`GATE FAILED: ${name}`);
  return { name, passed };
}

function reportMistake(
  comment: LabelledComment,
  category: CategoryId,
  flags: readonly string[],
  right: boolean,
): void {
  const flagsRight = [...comment.flags].sort().join(',') === [...flags].sort().join(',');
  if (right && flagsRight) return;
  console.log(
    `  ✗ ${comment.id}: expected ${comment.category} [${comment.flags}] got ${category} [${flags}] — ${comment.text}`,
  );
}

function printConfusion(confusion: Map<string, number>): void {
  const short = (id: string) => id.slice(0, 11).padStart(11);
  console.log(
    `\nconfusion (rows: expected, columns: classified)\n${' '.repeat(24)}${CATEGORY_IDS.map(short).join(' ')}`,
  );
  for (const expected of CATEGORY_IDS) {
    const cells = CATEGORY_IDS.map((got) => String(confusion.get(`${expected}|${got}`) ?? 0).padStart(11));
    console.log(`${expected.padEnd(24)}${cells.join(' ')}`);
  }
}

function printFlags(flagCounts: Map<string, Count>, political: Count): void {
  console.log(`\n${'flag'.padEnd(26)}support precision  recall   (tp fp fn)`);
  const row = (name: string, count: Count) => {
    const support = count.tp + count.fn;
    const precision = ratio(count.tp, count.tp + count.fp);
    const recall = ratio(count.tp, support);
    console.log(
      `${name.padEnd(26)}${String(support).padStart(7)} ${pct(precision).padStart(9)} ${pct(recall).padStart(7)}   (${count.tp} ${count.fp} ${count.fn})`,
    );
  };
  for (const [flag, count] of flagCounts) row(flag, count);
  row('hint: political (info)', political);
}

function main(argv: readonly string[]): number {
  const gate = argv.includes('--gate');
  const verbose = argv.includes('--verbose');
  const files = argv.filter((arg) => !arg.startsWith('--'));
  if (files.length === 0) {
    console.error('usage: tsx scripts/eval.ts [--gate] [--verbose] file.jsonl…');
    return 2;
  }
  const checks = files.flatMap((file) => evaluateFile(file, gate, verbose));
  if (!gate) return 0;
  const failed = checks.filter((item) => !item.passed).length;
  console.log(`\n${checks.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
