// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Classification } from '../classifier';
import type { CommentSnapshot, PlatformAdapter } from '../platforms/types';
import {
  createLabeller,
  type Labeller,
  type LabellerOptions,
  type LabelModel,
  type PageStatus,
} from './labeller';

/** A toy platform: `<div class="c" data-id>` with `.who` and `.t`. */
const toyAdapter: PlatformAdapter = {
  id: 'wordpress',
  commentSelector: 'div.c',
  matchesUrl: (url) => url.pathname.startsWith('/toy'),
  findComments: (root) => [...root.querySelectorAll('div.c')],
  snapshot(element): CommentSnapshot | null {
    const id = element.getAttribute('data-id');
    if (!id) return null;
    return {
      platform: 'wordpress',
      commentId: id,
      permalink: null,
      authorName: element.querySelector('.who')?.textContent ?? '',
      authorUrl: null,
      text: element.querySelector('.t')?.textContent ?? '',
      postedRaw: null,
      postedAt: null,
      edited: false,
      isReply: false,
      parentId: null,
      postId: null,
      postUrl: null,
      postTitle: null,
      channelName: null,
      channelUrl: null,
    };
  },
  labelSlot: (element) => {
    const anchor = element.querySelector('.who');
    return anchor ? { anchor, position: 'after' } : null;
  },
  hasCommentSection: (page) => page.document.querySelector('#comments') !== null,
};

const fakeClassify = (text: string): Classification => ({
  category: text.includes('fan') ? 'offensive_confidential' : text.includes('?') ? 'question' : 'praise',
  flags: text.includes('fan') ? ['profanity'] : [],
  hints: [],
  evidence: [],
  confidence: 1,
});

/** Classifies at once, as a classifier in the content script's own world would. */
const classifyAll = (texts: readonly string[]) => texts.map(fakeClassify);

function comment(id: string, text: string): string {
  return `<div class="c" data-id="${id}"><span class="who">A ${id}</span><p class="t">${text}</p></div>`;
}

/** Every labeller a test started, stopped after it even when an assertion failed halfway. */
const started: Labeller[] = [];

function setup(overrides: Partial<LabellerOptions> = {}) {
  const rendered: LabelModel[] = [];
  const statuses: PageStatus[] = [];
  const onLayoutProblem = vi.fn();
  const labeller = createLabeller({
    adapters: [toyAdapter],
    document,
    classify: classifyAll,
    renderer: {
      render: (_host, model) => rendered.push(model),
      unmount: () => {},
    },
    onStatus: (status) => statuses.push(status),
    onLayoutProblem,
    layoutGraceMs: 50,
    coalesceMs: 0,
    ...overrides,
  });
  started.push(labeller);
  return { labeller, rendered, statuses, onLayoutProblem };
}

const labels = () =>
  [...document.querySelectorAll('moderera-label')].map((host) => ({
    id: host.getAttribute('data-comment-id'),
    category: host.getAttribute('data-category'),
    flags: host.getAttribute('data-flags'),
    inside: host.closest('div.c')?.getAttribute('data-id'),
  }));

function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/** Each test of the block starts on the toy page with these comments, and stops its labellers after. */
function onToyPage(comments: [id: string, text: string][]): void {
  afterEach(() => {
    for (const labeller of started.splice(0)) labeller.stop();
  });
  beforeEach(() => {
    setUrl('https://blogg.example.se/toy/1');
    document.body.innerHTML = `<section id="comments">${comments.map(([id, text]) => comment(id, text)).join('')}</section>`;
  });
}

describe('the labeller', () => {
  onToyPage([
    ['1', 'Bra jobbat'],
    ['2', 'Varför?'],
  ]);

  it('labels a comment the page adds in the very task that puts labels in', async () => {
    let added = false;
    const { labeller } = setup({
      renderer: {
        render: () => {
          if (added) return;
          added = true;
          // The page changes while our slice runs: its record is pending as our labels go in.
          document.querySelector('#comments')?.insertAdjacentHTML('beforeend', comment('3', 'Tack'));
        },
        unmount: () => {},
      },
    });
    labeller.start();
    await vi.waitFor(() =>
      expect(
        labels()
          .map((label) => label.id)
          .sort(),
      ).toEqual(['1', '2', '3']),
    );
  });

  it('puts exactly one label on each comment, with its id, category and flags', async () => {
    const { labeller, statuses } = setup();
    labeller.start();
    await settle();
    expect(labels()).toEqual([
      { id: '1', category: 'praise', flags: '', inside: '1' },
      { id: '2', category: 'question', flags: '', inside: '2' },
    ]);
    expect(statuses.at(-1)).toMatchObject({ platform: 'wordpress', labelled: 2, toRemove: 0 });
    labeller.stop();
  });

  it('labels comments added later, including inside added subtrees', async () => {
    const { labeller } = setup();
    labeller.start();
    await settle();
    const later = document.createElement('div');
    later.innerHTML = comment('3', 'fan också') + comment('4', 'Hej');
    document.querySelector('#comments')?.append(later);
    await settle();
    expect(labels().map((l) => [l.id, l.flags])).toEqual([
      ['1', ''],
      ['2', ''],
      ['3', 'profanity'],
      ['4', ''],
    ]);
    labeller.stop();
  });

  it('reads comments added after the first labelling only once the page is quiet', async () => {
    const waits: Array<() => void> = [];
    const { labeller } = setup({ whenQuiet: (read) => waits.push(read) });
    labeller.start();
    await settle();
    expect(waits).toHaveLength(0); // the first labelling does not wait
    const list = document.querySelector('#comments') as HTMLElement;
    list.insertAdjacentHTML('beforeend', comment('3', 'fan också'));
    await settle();
    list.insertAdjacentHTML('beforeend', comment('4', 'Hej'));
    await settle();
    expect(labels().map((l) => l.id)).toEqual(['1', '2']);
    expect(waits).toHaveLength(1); // one wait, however many comments come meanwhile
    waits[0]?.();
    await settle();
    expect(labels().map((l) => [l.id, l.flags])).toEqual([
      ['1', ''],
      ['2', ''],
      ['3', 'profanity'],
      ['4', ''],
    ]);
    labeller.stop();
  });

  it('reads a labelled comment that changed, or was rendered anew, at once while new comments wait', async () => {
    const waits: Array<() => void> = [];
    const { labeller } = setup({ whenQuiet: (read) => waits.push(read) });
    labeller.start();
    await settle();
    const list = document.querySelector('#comments') as HTMLElement;
    // The site renders comment 2 anew in a new element: its label left with the old one.
    const old = list.querySelector('[data-id="2"]') as HTMLElement;
    old.insertAdjacentHTML('afterend', comment('2', 'Varför?'));
    old.remove();
    await settle();
    expect(labels().map((l) => [l.id, l.inside])).toEqual([
      ['1', '1'],
      ['2', '2'],
    ]);
    expect(waits).toHaveLength(0);
    list.insertAdjacentHTML('beforeend', comment('3', 'fan också'));
    await settle();
    expect(labels()).toHaveLength(2);
    expect(waits).toHaveLength(1);
    // The site reuses a labelled element for another comment: its label is stale, so it goes now,
    // and the slice that reads it reads the waiting comment too.
    const first = list.querySelector('div.c') as HTMLElement;
    first.setAttribute('data-id', '9');
    (first.querySelector('.t') as HTMLElement).textContent = 'Varför?';
    await settle();
    expect(labels().map((l) => [l.id, l.category])).toEqual([
      ['9', 'question'],
      ['2', 'question'],
      ['3', 'offensive_confidential'],
    ]);
    labeller.stop();
  });

  it('forgets a wait begun before it was stopped, and waits anew once started again', async () => {
    const waits: Array<() => void> = [];
    const { labeller } = setup({ whenQuiet: (read) => waits.push(read) });
    labeller.start();
    await settle();
    const list = document.querySelector('#comments') as HTMLElement;
    list.insertAdjacentHTML('beforeend', comment('3', 'Hej'));
    await settle();
    expect(waits).toHaveLength(1);
    labeller.stop();
    labeller.start();
    await settle();
    expect(labels().map((l) => l.id)).toEqual(['1', '2', '3']);
    list.insertAdjacentHTML('beforeend', comment('4', 'Hej'));
    await settle();
    expect(waits).toHaveLength(2); // the old wait, still pending, does not hold this one back
    waits[0]?.(); // and when it ends, it does nothing
    await settle();
    expect(labels()).toHaveLength(3);
    waits[1]?.();
    await settle();
    expect(labels().map((l) => l.id)).toEqual(['1', '2', '3', '4']);
    labeller.stop();
  });

  it('lets labels of comments loaded in quick batches wait for company or for the next change of the page, never long', async () => {
    const { labeller } = setup({ coalesceMs: 300, coalesceMaxMs: 1000 });
    labeller.start();
    await settle();
    const placements: number[] = [];
    const watcher = new MutationObserver((records) => {
      const added = records.flatMap((r) => [...r.addedNodes]).filter((n) => n.nodeName === 'MODERERA-LABEL');
      if (added.length > 0) placements.push(added.length);
    });
    watcher.observe(document.body, { childList: true, subtree: true });
    const list = document.querySelector('#comments');
    list?.insertAdjacentHTML('beforeend', comment('3', 'Hej'));
    list?.insertAdjacentHTML('beforeend', comment('4', 'fan'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(labels()).toHaveLength(2); // still waiting for more
    list?.insertAdjacentHTML('beforeend', comment('5', 'Hej'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The page changed itself: the labels ready by then share its frame, the new one waits.
    expect(labels().map((label) => label.id)).toEqual(['1', '2', '3', '4']);
    expect(placements).toEqual([2]);
    await vi.waitFor(() => expect(labels()).toHaveLength(5), { timeout: 2000 });
    expect(placements).toEqual([2, 1]);

    // A page that never stops adding: labels still go in (coalesceMaxMs), while it adds.
    let added = 0;
    const adding = setInterval(
      () => list?.insertAdjacentHTML('beforeend', comment(`n${added++}`, 'Hej')),
      20,
    );
    await vi.waitFor(() => expect(labels().length).toBeGreaterThan(5), { timeout: 3000 });
    clearInterval(adding);
    watcher.disconnect();
    labeller.stop();
  });

  it('relabels an element the site reuses for another comment, never leaving a stale label', async () => {
    const { labeller } = setup();
    labeller.start();
    await settle();
    const first = document.querySelector('div.c') as HTMLElement;
    first.setAttribute('data-id', '9');
    (first.querySelector('.t') as HTMLElement).textContent = 'fan';
    await settle();
    expect(labels()).toEqual([
      { id: '9', category: 'offensive_confidential', flags: 'profanity', inside: '9' },
      { id: '2', category: 'question', flags: '', inside: '2' },
    ]);
    labeller.stop();
  });

  it('puts a label back at once when a re-render removes it (it never waits for company)', async () => {
    const { labeller } = setup({ coalesceMs: 10_000, coalesceMaxMs: 10_000 });
    labeller.start();
    await settle();
    document.querySelector('moderera-label')?.remove();
    await settle();
    expect(labels().map((l) => l.id)).toEqual(['1', '2']);
    labeller.stop();
  });

  it('labels a comment the site renders anew in a new element at once, too', async () => {
    const { labeller } = setup({ coalesceMs: 10_000, coalesceMaxMs: 10_000 });
    labeller.start();
    await settle();
    document
      .querySelector('div.c')
      ?.replaceWith(document.createRange().createContextualFragment(comment('1', 'Bra jobbat, igen')));
    await settle();
    expect(labels().map((l) => [l.id, l.inside])).toEqual([
      ['1', '1'],
      ['2', '2'],
    ]);
    labeller.stop();
  });

  it('labels a comment the page renders twice only once', async () => {
    document.querySelector('#comments')?.insertAdjacentHTML('beforeend', comment('1', 'Bra jobbat'));
    const { labeller } = setup();
    labeller.start();
    await settle();
    expect(labels().map((l) => l.id)).toEqual(['1', '2']);
    labeller.stop();
  });

  it('does not re-render an unchanged comment on unrelated mutations', async () => {
    const { labeller, rendered } = setup();
    labeller.start();
    await settle();
    const before = rendered.length;
    (document.querySelector('.who') as HTMLElement).append(' ');
    await settle();
    expect(rendered.length).toBe(before);
    labeller.stop();
  });

  it('reports a comment section where no comment is recognised, and withdraws it when comments come', async () => {
    document.body.innerHTML = '<section id="comments"><div class="new-layout">Hej</div></section>';
    const { labeller, onLayoutProblem } = setup();
    labeller.start();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(onLayoutProblem).toHaveBeenCalledWith({
      adapter: 'wordpress',
      url: 'https://blogg.example.se/toy/1',
    });
    document.querySelector('#comments')?.insertAdjacentHTML('beforeend', comment('5', 'Hej'));
    await settle();
    expect(onLayoutProblem).toHaveBeenLastCalledWith(null);
    labeller.stop();
  });

  it('renders labels before they enter the page, and puts them in chunk by chunk, one label per comment', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(100 + i));
    document.body.innerHTML = `<section id="comments">${ids.map((id) => comment(id, 'Hej')).join('')}</section>`;
    const renderedInPage: boolean[] = [];
    const batches: number[] = [];
    const watcher = new MutationObserver((records) => {
      let added = 0;
      for (const record of records)
        for (const node of record.addedNodes) if ((node as Element).localName === 'moderera-label') added++;
      if (added > 0) batches.push(added);
    });
    watcher.observe(document.body, { childList: true, subtree: true });
    const labeller = createLabeller({
      adapters: [toyAdapter],
      document,
      classify: classifyAll,
      renderer: { render: (host) => renderedInPage.push(host.isConnected), unmount: () => {} },
      placeChunk: 40,
    });
    labeller.start();
    await vi.waitFor(() => expect(labels()).toHaveLength(150), { timeout: 3000 });
    watcher.disconnect();
    expect(renderedInPage.every((connected) => !connected)).toBe(true);
    expect(Math.max(...batches)).toBeLessThanOrEqual(40);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(150);
    expect(labels().map((l) => l.id)).toEqual(ids);
    expect(labels().every((l) => l.id === l.inside)).toBe(true);
    labeller.stop();
  });

  it('on a long page, puts no label in before the whole first queue is classified (none go ahead)', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(100 + i));
    document.body.innerHTML = `<section id="comments">${ids.map((id) => comment(id, `Hej ${id}`)).join('')}</section>`;
    // Each read takes 2 ms on the slices' clock, so a slice reads ~10 comments and asks for them.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const slowAdapter: PlatformAdapter = {
      ...toyAdapter,
      snapshot(element, page) {
        clock += 2;
        return toyAdapter.snapshot(element, page);
      },
    };
    const nearViewport = new Set(ids.slice(0, 60).map((id) => `Hej ${id}`));
    const held: Array<() => void> = [];
    let holding = true;
    const labeller = createLabeller({
      adapters: [slowAdapter],
      document,
      // The comments near the viewport (the first 60 here: happy-dom has no layout) are answered
      // at once, the others when the test lets them.
      classify: (texts) =>
        !holding || texts.every((text) => nearViewport.has(text))
          ? Promise.resolve(classifyAll(texts))
          : new Promise((resolve) => held.push(() => resolve(classifyAll(texts)))),
      renderer: { render: () => {}, unmount: () => {} },
    });
    started.push(labeller);
    try {
      labeller.start();
      await vi.waitFor(() => expect(held.length).toBeGreaterThan(1), { timeout: 3000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(labels()).toHaveLength(0);
      holding = false;
      for (const release of held) release();
      await vi.waitFor(() => expect(labels()).toHaveLength(150), { timeout: 3000 });
    } finally {
      now.mockRestore();
    }
  });

  it('puts labels in from a fresh slice, never after a slice’s labelling work (that would make a long task)', async () => {
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const inPageAfterSlice: number[] = [];
    const labeller = createLabeller({
      adapters: [toyAdapter],
      document,
      classify: classifyAll,
      renderer: {
        render: () => {
          // Well within a slice's budget (20 ms), yet placing 2,000 labels after it would not be.
          clock += 3;
          // Runs when the slice that labelled this comment has ended, before the next begins.
          queueMicrotask(() => inPageAfterSlice.push(labels().length));
        },
        unmount: () => {},
      },
    });
    started.push(labeller);
    labeller.start();
    try {
      await vi.waitFor(() => expect(labels()).toHaveLength(2), { timeout: 3000 });
    } finally {
      now.mockRestore();
    }
    expect(inPageAfterSlice).toEqual([0, 0]);
  });

  it('takes its labels out when stopped, and labels nothing afterwards', async () => {
    const { labeller } = setup();
    labeller.start();
    await settle();
    expect(labels()).toHaveLength(2);
    labeller.stop();
    expect(labels()).toEqual([]);
    document.querySelector('#comments')?.insertAdjacentHTML('beforeend', comment('3', 'Hej'));
    labeller.refreshAll();
    await settle();
    expect(labels()).toEqual([]);
  });

  it('does nothing on a page no adapter handles', async () => {
    setUrl('https://blogg.example.se/other');
    const { labeller } = setup();
    labeller.start();
    await settle();
    expect(labels()).toEqual([]);
    labeller.stop();
  });
});

/** A classifier that answers when the test says so, as the background does. */
function laterClassifier() {
  const requests: { texts: readonly string[]; answer(classify?: typeof fakeClassify): void; fail(): void }[] =
    [];
  const classify = (texts: readonly string[]) =>
    new Promise<Classification[]>((resolve, reject) => {
      requests.push({
        texts,
        answer: (by = fakeClassify) => resolve(texts.map(by)),
        fail: () => reject(new Error('the background refused')),
      });
    });
  return { classify, requests };
}

describe('the labeller, with a classifier that answers later', () => {
  onToyPage([
    ['1', 'Bra jobbat'],
    ['2', 'Varför?'],
    ['3', 'Bra jobbat'],
  ]);

  it('labels nothing until the answer comes, then every comment, asking for each text once', async () => {
    const later = laterClassifier();
    const { labeller, statuses } = setup({ classify: later.classify });
    labeller.start();
    await settle();
    expect(labels()).toEqual([]);
    expect(later.requests.map((request) => request.texts)).toEqual([['Bra jobbat', 'Varför?']]);
    later.requests[0]?.answer();
    await settle();
    expect(labels()).toEqual([
      { id: '1', category: 'praise', flags: '', inside: '1' },
      { id: '2', category: 'question', flags: '', inside: '2' },
      { id: '3', category: 'praise', flags: '', inside: '3' },
    ]);
    expect(statuses.at(-1)).toMatchObject({ labelled: 3 });
  });

  it('takes a recycled element’s old label away at once, and labels a comment it knows without asking', async () => {
    const later = laterClassifier();
    const { labeller } = setup({ classify: later.classify });
    labeller.start();
    await settle();
    later.requests[0]?.answer();
    await settle();
    const first = document.querySelector('div.c') as HTMLElement;
    first.setAttribute('data-id', '9');
    (first.querySelector('.t') as HTMLElement).textContent = 'fan';
    await settle();
    expect(labels().map((label) => label.id)).toEqual(['2', '3']); // never 1's label on comment 9
    expect(later.requests[1]?.texts).toEqual(['fan']);
    later.requests[1]?.answer();
    await settle();
    expect(labels()[0]).toEqual({
      id: '9',
      category: 'offensive_confidential',
      flags: 'profanity',
      inside: '9',
    });

    first.setAttribute('data-id', '1');
    (first.querySelector('.t') as HTMLElement).textContent = 'Bra jobbat';
    await settle();
    expect(labels()[0]).toEqual({ id: '1', category: 'praise', flags: '', inside: '1' });
    expect(later.requests).toHaveLength(2);
  });

  it('labels a comment edited while it waited with its new text, never the old one', async () => {
    const later = laterClassifier();
    const { labeller, rendered } = setup({ classify: later.classify });
    labeller.start();
    await settle();
    (document.querySelector('div.c .t') as HTMLElement).textContent = 'fan, vad dåligt';
    await settle();
    expect(later.requests[1]?.texts).toEqual(['fan, vad dåligt']);
    later.requests[0]?.answer();
    // The labels ready go in while comment 1 waits, after a moment (placeEveryMs).
    await vi.waitFor(() => expect(labels().map((label) => label.id)).toEqual(['2', '3']), { timeout: 2000 });
    later.requests[1]?.answer();
    await settle();
    expect(labels()[0]).toEqual({
      id: '1',
      category: 'offensive_confidential',
      flags: 'profanity',
      inside: '1',
    });
    expect(
      rendered.filter((model) => model.comment.commentId === '1').map((model) => model.comment.text),
    ).toEqual(['fan, vad dåligt']);
  });

  it('does not use an answer asked for before the settings changed', async () => {
    const later = laterClassifier();
    const { labeller } = setup({ classify: later.classify });
    labeller.start();
    await settle();
    labeller.refreshAll();
    await settle();
    expect(later.requests).toHaveLength(2);
    later.requests[0]?.answer((text) => ({ ...fakeClassify(text), category: 'fault_report' }));
    await settle();
    expect(labels()).toEqual([]);
    later.requests[1]?.answer();
    await settle();
    expect(labels().map((label) => label.category)).toEqual(['praise', 'question', 'praise']);
  });

  it('leaves comments whose classification failed unlabelled, says why, and labels the next ones', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const later = laterClassifier();
    const { labeller, statuses } = setup({ classify: later.classify });
    labeller.start();
    await settle();
    later.requests[0]?.fail();
    await settle();
    expect(labels()).toEqual([]);
    expect(String(errors.mock.calls[0]?.[0])).toContain('could not be classified');
    expect(statuses.at(-1)).toMatchObject({ labelled: 0 });
    document.querySelector('#comments')?.insertAdjacentHTML('beforeend', comment('4', 'Hej'));
    await settle();
    later.requests[1]?.answer();
    await settle();
    expect(labels().map((label) => label.id)).toEqual(['4']);
    errors.mockRestore();
  });
});

describe('the labeller, with an adapter that identifies comments cheaply', () => {
  onToyPage([
    ['1', 'Bra jobbat'],
    ['2', 'Varför?'],
  ]);

  it('labels from ids and texts alone, and reads the whole snapshot only when asked, of the comment shown now', async () => {
    const snapshot = vi.fn(toyAdapter.snapshot);
    const adapter: PlatformAdapter = {
      ...toyAdapter,
      snapshot,
      identify: (element) => {
        const id = element.getAttribute('data-id');
        return id
          ? { platform: 'wordpress', commentId: id, text: element.querySelector('.t')?.textContent ?? '' }
          : null;
      },
    };
    const { labeller, rendered } = setup({ adapters: [adapter] });
    labeller.start();
    await settle();
    expect(labels().map((label) => [label.id, label.category])).toEqual([
      ['1', 'praise'],
      ['2', 'question'],
    ]);
    expect(snapshot).not.toHaveBeenCalled();
    const first = rendered.find((model) => model.comment.commentId === '1');
    expect(first?.details()).toMatchObject({ commentId: '1', authorName: 'A 1', text: 'Bra jobbat' });
    // The site reuses the element for another comment: the old label's details are gone.
    const element = document.querySelector('div.c') as HTMLElement;
    element.setAttribute('data-id', '9');
    (element.querySelector('.who') as HTMLElement).textContent = 'A 9';
    expect(first?.details()).toBeNull();
  });
});

describe('the labeller, when elements swap, re-render or are edited while answers are awaited', () => {
  onToyPage([
    ['1', 'Bra jobbat'],
    ['2', 'Varför?'],
  ]);

  function show(element: Element, id: string, text: string): void {
    element.setAttribute('data-id', id);
    (element.querySelector('.who') as HTMLElement).textContent = `A ${id}`;
    (element.querySelector('.t') as HTMLElement).textContent = text;
  }

  it('labels both comments of two elements that swapped them', async () => {
    const { labeller } = setup();
    labeller.start();
    await settle();
    const [first, second] = [...document.querySelectorAll('div.c')] as [Element, Element];
    show(first, '2', 'Varför?');
    show(second, '1', 'Bra jobbat');
    await settle();
    expect(labels()).toEqual([
      { id: '2', category: 'question', flags: '', inside: '2' },
      { id: '1', category: 'praise', flags: '', inside: '1' },
    ]);
  });

  it('puts a label back at once while other comments wait for their answer', async () => {
    const later = laterClassifier();
    const { labeller } = setup({ classify: later.classify, coalesceMs: 10_000, coalesceMaxMs: 10_000 });
    labeller.start();
    await settle();
    later.requests[0]?.answer();
    await settle();
    document.querySelector('#comments')?.insertAdjacentHTML('beforeend', comment('3', 'Hej då'));
    document.querySelector('moderera-label')?.remove();
    await settle();
    expect(later.requests[1]?.texts).toEqual(['Hej då']); // not answered: comment 3 waits
    expect(labels().map((label) => label.id)).toEqual(['1', '2']);
  });

  it('takes an edited comment’s label away when its new text cannot be classified', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const later = laterClassifier();
    const { labeller } = setup({ classify: later.classify });
    labeller.start();
    await settle();
    later.requests[0]?.answer();
    await settle();
    (document.querySelector('div.c .t') as HTMLElement).textContent = 'Bra jobbat, fan';
    await settle();
    later.requests[1]?.fail();
    await settle();
    expect(labels().map((label) => label.id)).toEqual(['2']);
    errors.mockRestore();
  });
});

describe('the labeller telling the renderer where its hosts are', () => {
  onToyPage([
    ['1', 'Bra jobbat'],
    ['2', 'Varför?'],
  ]);

  it('says so each time a host goes into the page, once it is there', async () => {
    const placed: [id: string | null, inPage: boolean][] = [];
    const { labeller } = setup({
      renderer: {
        render: () => {},
        placed: (host) => placed.push([host.getAttribute('data-comment-id'), host.isConnected]),
        unmount: () => {},
      },
    });
    labeller.start();
    await vi.waitFor(() => expect(labels()).toHaveLength(2));
    expect(placed).toEqual([
      ['1', true],
      ['2', true],
    ]);
    // The site's re-render takes the first comment's label out: it is put back, and the renderer told.
    document.querySelector('div.c[data-id="1"] moderera-label')?.remove();
    await vi.waitFor(() => expect(placed).toHaveLength(3));
    expect(placed[2]).toEqual(['1', true]);
    // The site takes the second comment out and puts it back, its label still in it.
    const second = document.querySelector('div.c[data-id="2"]') as Element;
    second.remove();
    document.querySelector('#comments')?.append(second);
    await vi.waitFor(() => expect(placed).toHaveLength(4));
    expect(placed[3]).toEqual(['2', true]);
  });
});
