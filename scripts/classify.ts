/**
 * Classifies JSON Lines from stdin: each line needs a string `id` and `text`; writes
 * {"id","category","flags","hints","evidence"} per line, in order. A malformed line is reported
 * on stderr by id (or line number) and skipped; the exit code is 1 if any line failed.
 * Usage: npm run -s classify < in.jsonl > out.jsonl
 */
import { createInterface } from 'node:readline';
import { classify } from '../lib/classifier';

type LineResult = { ok: true; output: string } | { ok: false; error: string };

function classifyLine(line: string, lineNumber: number): LineResult {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { ok: false, error: `line ${lineNumber}: not valid JSON` };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { ok: false, error: `line ${lineNumber}: not a JSON object` };
  }
  const { id, text } = record as Record<string, unknown>;
  if (typeof id !== 'string') return { ok: false, error: `line ${lineNumber}: missing or non-string id` };
  if (typeof text !== 'string')
    return { ok: false, error: `id ${id} (line ${lineNumber}): missing or non-string text` };
  const { category, flags, hints, evidence } = classify(text);
  return { ok: true, output: JSON.stringify({ id, category, flags, hints, evidence }) };
}

async function main(): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let failed = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const result = classifyLine(line, lineNumber);
    if (result.ok) {
      process.stdout.write(`${result.output}\n`);
    } else {
      failed++;
      process.stderr.write(`classify: ${result.error}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`classify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
