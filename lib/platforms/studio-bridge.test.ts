// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  commentIdProperty,
  installStudioIdResponder,
  parseStudioIdResponse,
  readStudioCommentId,
  STUDIO_ID_REQUEST,
  STUDIO_ID_RESPONSE,
} from './studio-bridge';

function commentWithData(data: unknown): Element {
  const element = document.createElement('ytcp-comment');
  (element as unknown as { data: unknown }).data = data;
  document.body.append(element);
  return element;
}

describe('studio id bridge', () => {
  let removers: Array<() => void> = [];
  afterEach(() => {
    for (const remove of removers) remove();
    removers = [];
    document.body.replaceChildren();
  });

  it('answers a request synchronously with the element property', () => {
    removers.push(installStudioIdResponder(document));
    expect(readStudioCommentId(commentWithData({ commentId: 'UgzAbc123_-x.AQ1' }))).toBe('UgzAbc123_-x.AQ1');
  });

  it('returns null when nobody answers or the element has no valid id', () => {
    const element = commentWithData({ commentId: 'UgzAbc' });
    expect(readStudioCommentId(element)).toBeNull();
    removers.push(installStudioIdResponder(document));
    expect(readStudioCommentId(commentWithData({}))).toBeNull();
    expect(readStudioCommentId(commentWithData({ commentId: 'bad id <script>' }))).toBeNull();
    expect(readStudioCommentId(commentWithData({ commentId: 'x'.repeat(129) }))).toBeNull();
    expect(readStudioCommentId(commentWithData({ commentId: 42 }))).toBeNull();
    expect(readStudioCommentId(commentWithData(null))).toBeNull();
  });

  it('leaves no listener behind on the element', () => {
    removers.push(installStudioIdResponder(document));
    const element = commentWithData({ commentId: 'first' });
    expect(readStudioCommentId(element)).toBe('first');
    let late: string | null = 'untouched';
    element.addEventListener(STUDIO_ID_RESPONSE, (event) => {
      late = parseStudioIdResponse(event);
    });
    (element as unknown as { data: unknown }).data = { commentId: 'second' };
    expect(readStudioCommentId(element)).toBe('second');
    expect(late).toBe('second');
  });

  it('answers for elements added after installation and stops when removed', () => {
    const remove = installStudioIdResponder(document);
    const element = commentWithData({ commentId: 'later' });
    expect(readStudioCommentId(element)).toBe('later');
    remove();
    expect(readStudioCommentId(element)).toBeNull();
  });

  it('the request bubbles and is composed; the response carries a JSON string', () => {
    removers.push(installStudioIdResponder(document));
    const element = commentWithData({ commentId: 'abc' });
    const seen: Array<{ bubbles: boolean; composed: boolean }> = [];
    const onRequest = (event: Event) => seen.push({ bubbles: event.bubbles, composed: event.composed });
    document.addEventListener(STUDIO_ID_REQUEST, onRequest);
    let detail: unknown = null;
    element.addEventListener(STUDIO_ID_RESPONSE, (event) => {
      detail = (event as CustomEvent).detail;
    });
    readStudioCommentId(element);
    document.removeEventListener(STUDIO_ID_REQUEST, onRequest);
    expect(seen).toEqual([{ bubbles: true, composed: true }]);
    expect(detail).toBe('{"commentId":"abc"}');
  });

  it('rejects malformed responses', () => {
    const response = (detail: unknown) => new CustomEvent(STUDIO_ID_RESPONSE, { detail });
    expect(parseStudioIdResponse(response('{"commentId":"ok"}'))).toBe('ok');
    expect(parseStudioIdResponse(response({ commentId: 'ok' }))).toBeNull();
    expect(parseStudioIdResponse(response('not json'))).toBeNull();
    expect(parseStudioIdResponse(response('{"commentId":"a b"}'))).toBeNull();
    expect(parseStudioIdResponse(response('{"id":"ok"}'))).toBeNull();
  });

  it('commentIdProperty narrows unknown values', () => {
    expect(commentIdProperty({ data: { commentId: 'Ugz.1' } })).toBe('Ugz.1');
    expect(commentIdProperty({ data: 'x' })).toBeNull();
    expect(commentIdProperty(undefined)).toBeNull();
  });
});
