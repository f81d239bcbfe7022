/** Splits a text into plain and highlighted segments from (possibly overlapping) evidence spans. */

export interface Span {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  highlighted: boolean;
}

export function segmentsOf(text: string, spans: readonly Span[]): Segment[] {
  const merged = mergeSpans(
    spans.filter((span) => span.end > span.start && span.start >= 0 && span.end <= text.length),
  );
  const segments: Segment[] = [];
  let cursor = 0;
  for (const span of merged) {
    if (span.start > cursor) segments.push({ text: text.slice(cursor, span.start), highlighted: false });
    segments.push({ text: text.slice(span.start, span.end), highlighted: true });
    cursor = span.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), highlighted: false });
  return segments;
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}
