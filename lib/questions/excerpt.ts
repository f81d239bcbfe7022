/**
 * A question's excerpt as the list shows it. Apart from questions.ts so that content scripts,
 * which only build excerpts, do not load (and run) the question store's zod schemas.
 */
export const EXCERPT_CHARS = 300;

export function clipExcerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > EXCERPT_CHARS ? `${oneLine.slice(0, EXCERPT_CHARS - 1)}…` : oneLine;
}
