/**
 * What the labels on a page should say, worked out independently of the extension: the page's
 * DOM as the browser has it now, parsed in happy-dom, read by the adapter, classified in Node.
 */
import { Window } from 'happy-dom';
import { classify } from '../../lib/classifier';
import type { PlatformAdapter } from '../../lib/platforms/types';

export interface LabelFacts {
  commentId: string;
  platform: string;
  category: string;
  flags: string;
}

/** An adapter, or a function that makes one for the parsed document (Studio needs its ids). */
export type AdapterSource = PlatformAdapter | ((document: Document) => PlatformAdapter);

export function expectedLabels(html: string, url: string, source: AdapterSource): LabelFacts[] {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  const document = window.document as unknown as Document;
  document.write(html);
  for (const host of document.querySelectorAll('moderera-label, moderera-notice')) host.remove();
  const page = { url: new URL(url), document };
  const adapter = typeof source === 'function' ? source(document) : source;
  const facts = adapter
    .findComments(document)
    .map((element) => adapter.snapshot(element, page))
    .filter((snapshot) => snapshot !== null)
    .map((snapshot) => {
      const result = classify(snapshot.text);
      return {
        commentId: snapshot.commentId,
        platform: snapshot.platform,
        category: result.category,
        flags: result.flags.join(' '),
      };
    });
  window.close();
  return facts;
}

/** Reads every label host's data attributes in the page. */
export const READ_LABELS = (): LabelFacts[] =>
  [...document.querySelectorAll('moderera-label')].map((host) => ({
    commentId: host.getAttribute('data-comment-id') ?? '',
    platform: host.getAttribute('data-platform') ?? '',
    category: host.getAttribute('data-category') ?? '',
    flags: host.getAttribute('data-flags') ?? '',
  }));

export function byId(facts: LabelFacts[]): LabelFacts[] {
  return [...facts].sort((a, b) => a.commentId.localeCompare(b.commentId));
}
