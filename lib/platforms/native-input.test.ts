// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dispatchPointerClick,
  editableContains,
  editableText,
  setTextareaValue,
  typeIntoContentEditable,
  waitForElement,
} from './native-input';

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  vi.restoreAllMocks();
  delete (document as { execCommand?: unknown }).execCommand;
});

function editable(html = '<p><br></p>'): HTMLElement {
  const div = document.createElement('div');
  div.setAttribute('contenteditable', 'true');
  div.setAttribute('role', 'textbox');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

describe('dispatchPointerClick', () => {
  it('fires the full pointer and mouse sequence at the element’s centre, bubbling and composed', () => {
    document.body.innerHTML = '<div id="row"><div role="button" tabindex="0"><span>Svara</span></div></div>';
    const button = document.querySelector('[role="button"]') as HTMLElement;
    vi.spyOn(button, 'getBoundingClientRect').mockReturnValue({
      left: 100,
      top: 50,
      width: 40,
      height: 20,
      right: 140,
      bottom: 70,
      x: 100,
      y: 50,
      toJSON: () => ({}),
    } as DOMRect);
    const seen: string[] = [];
    const row = document.getElementById('row') as HTMLElement;
    const types = [
      'pointerover',
      'pointerenter',
      'mouseover',
      'pointerdown',
      'mousedown',
      'pointerup',
      'mouseup',
      'click',
    ];
    for (const type of types) {
      button.addEventListener(type, (event) => {
        const mouse = event as MouseEvent;
        seen.push(`${type}@${mouse.clientX},${mouse.clientY}`);
        if (type === 'mousedown') seen.push(`focused:${document.activeElement === button}`);
      });
    }
    const bubbled: string[] = [];
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
      row.addEventListener(type, (event) => bubbled.push(`${type}:${event.composed}:${event.cancelable}`));
    }
    button.addEventListener('focus', () => seen.push('focus'));

    expect(dispatchPointerClick(button)).toBe(true);
    expect(seen).toEqual([
      'pointerover@120,60',
      'pointerenter@120,60',
      'mouseover@120,60',
      'pointerdown@120,60',
      'mousedown@120,60',
      'focused:false',
      'focus',
      'pointerup@120,60',
      'mouseup@120,60',
      'click@120,60',
    ]);
    expect(bubbled).toEqual([
      'pointerdown:true:true',
      'mousedown:true:true',
      'pointerup:true:true',
      'mouseup:true:true',
      'click:true:true',
    ]);
    expect(document.activeElement).toBe(button);
  });

  it('focuses the focusable ancestor of an inner target, not when mousedown is cancelled', () => {
    document.body.innerHTML = '<button type="button"><span>Reply</span></button><div role="button">x</div>';
    const inner = document.querySelector('button span') as HTMLElement;
    dispatchPointerClick(inner);
    expect(document.activeElement).toBe(document.querySelector('button'));

    (document.activeElement as HTMLElement).blur();
    const plain = document.querySelector('div[role="button"]') as HTMLElement;
    plain.setAttribute('tabindex', '0');
    plain.addEventListener('mousedown', (event) => event.preventDefault());
    dispatchPointerClick(plain);
    expect(document.activeElement).not.toBe(plain);
  });

  it('reports a cancelled click', () => {
    document.body.innerHTML = '<a href="#x">x</a>';
    const link = document.querySelector('a') as HTMLElement;
    link.addEventListener('click', (event) => event.preventDefault());
    expect(dispatchPointerClick(link)).toBe(false);
  });
});

describe('typeIntoContentEditable (event fallback: no execCommand here)', () => {
  it('types text with a newline and markup characters as text, focused, caret after it', async () => {
    const box = editable();
    const inputs: string[] = [];
    box.addEventListener('beforeinput', (event) => inputs.push(`before:${(event as InputEvent).inputType}`));
    box.addEventListener('input', (event) => inputs.push(`input:${(event as InputEvent).inputType}`));
    const text = 'Hej <b>du</b> & hallå\nrad två';
    expect(await typeIntoContentEditable(box, text)).toBe(true);
    expect(editableText(box)).toBe(text);
    expect(box.querySelector('b')).toBeNull();
    expect(box.querySelectorAll('br')).toHaveLength(1);
    expect(document.activeElement).toBe(box);
    expect(inputs).toEqual([
      'before:insertText',
      'input:insertText',
      'before:insertLineBreak',
      'input:insertLineBreak',
      'before:insertText',
      'input:insertText',
    ]);
    const selection = document.getSelection();
    expect(selection?.isCollapsed).toBe(true);
    const rest = document.createRange();
    rest.setStart(selection?.anchorNode as Node, selection?.anchorOffset ?? 0);
    rest.setEnd(box, box.childNodes.length);
    expect(rest.toString()).toBe('');
    expect(editableText(rest.cloneContents())).toBe('');
  });

  it('appends after existing content, not inside a mention link', async () => {
    const box = editable('<a href="/@anna">@anna</a>');
    expect(await typeIntoContentEditable(box, 'Hej!')).toBe(true);
    expect(box.querySelector('a')?.textContent).toBe('@anna');
    expect(editableText(box)).toBe('@annaHej!');
  });

  it('lets an editor that cancels beforeinput render the text itself', async () => {
    const box = editable();
    box.addEventListener('beforeinput', (event) => {
      const input = event as InputEvent;
      if (input.inputType !== 'insertText') return;
      event.preventDefault();
      const data = input.data ?? '';
      queueMicrotask(() => {
        const span = document.createElement('span');
        span.textContent = data;
        box.querySelector('p')?.replaceChildren(span);
      });
    });
    expect(await typeIntoContentEditable(box, 'Tack')).toBe(true);
    expect(editableText(box)).toBe('Tack');
    expect(box.querySelectorAll('span')).toHaveLength(1);
  });

  it('returns false when the editor swallows the input', async () => {
    const box = editable();
    box.addEventListener('beforeinput', (event) => event.preventDefault());
    expect(await typeIntoContentEditable(box, 'Tack')).toBe(false);
  });
});

describe('typeIntoContentEditable with execCommand', () => {
  function fakeExecCommand(box: HTMLElement, works: boolean) {
    const calls: string[] = [];
    (document as { execCommand?: unknown }).execCommand = (command: string, _ui: boolean, value?: string) => {
      calls.push(value === undefined ? command : `${command}:${value}`);
      if (!works) return false;
      const node =
        command === 'insertText' ? document.createTextNode(value ?? '') : document.createElement('br');
      box.querySelector('p')?.append(node);
      return true;
    };
    return calls;
  }

  it('inserts line by line with insertText and insertLineBreak, without the fallback', async () => {
    const box = editable('<p></p>');
    const calls = fakeExecCommand(box, true);
    const fallback = vi.fn();
    box.addEventListener('beforeinput', fallback);
    expect(await typeIntoContentEditable(box, 'a\n\nb')).toBe(true);
    expect(calls).toEqual(['insertText:a', 'insertLineBreak', 'insertLineBreak', 'insertText:b']);
    expect(fallback).not.toHaveBeenCalled();
    expect(editableText(box)).toBe('a\n\nb');
  });

  it('uses insertParagraph when asked', async () => {
    const box = editable('<p></p>');
    const calls = fakeExecCommand(box, true);
    await typeIntoContentEditable(box, 'a\nb', { newline: 'paragraph' });
    expect(calls).toEqual(['insertText:a', 'insertParagraph', 'insertText:b']);
  });

  it('falls back to input events when execCommand changes nothing', async () => {
    const box = editable();
    const calls = fakeExecCommand(box, false);
    expect(await typeIntoContentEditable(box, 'Tack')).toBe(true);
    expect(calls).toEqual(['insertText:Tack']);
    expect(editableText(box)).toBe('Tack');
  });
});

describe('editableText', () => {
  it('reads breaks, blocks and emoji images, ignoring placeholder breaks', () => {
    const box = editable('<p>a<br>b<br></p><p><img alt="😀"> c</p><p><br></p>');
    expect(editableText(box)).toBe('a\nb\n😀 c');
    expect(editableContains(box, 'b 😀\u00a0c')).toBe(true);
  });
});

describe('setTextareaValue', () => {
  it('sets the value through the native setter, fires input and change, focuses, caret at end', () => {
    document.body.innerHTML = '<form><textarea>old</textarea></form>';
    const textarea = document.querySelector('textarea') as HTMLTextAreaElement;
    // A framework's own value property on the instance (as React's value tracker has) is bypassed.
    const tracked = vi.fn();
    const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
    Object.defineProperty(textarea, 'value', {
      configurable: true,
      get: () => native?.get?.call(textarea),
      set: tracked,
    });
    const events: string[] = [];
    const form = document.querySelector('form') as HTMLFormElement;
    form.addEventListener('input', () => events.push('input'));
    form.addEventListener('change', () => events.push('change'));

    expect(setTextareaValue(textarea, 'Hej <b>du</b>\nrad två')).toBe(true);
    expect(tracked).not.toHaveBeenCalled();
    expect(textarea.value).toBe('Hej <b>du</b>\nrad två');
    expect(events).toEqual(['input', 'change']);
    expect(document.activeElement).toBe(textarea);
    expect(textarea.selectionStart).toBe(textarea.value.length);
    expect(textarea.selectionEnd).toBe(textarea.value.length);
  });
});

describe('waitForElement', () => {
  it('resolves at once with an element already there', async () => {
    document.body.innerHTML = '<p id="here"></p>';
    expect((await waitForElement(document, '#here', 50))?.id).toBe('here');
  });

  it('resolves when the element appears, by selector or by finder', async () => {
    const bySelector = waitForElement(document.body, '.late', 1000);
    const byFinder = waitForElement(document, () => document.querySelector('.late[data-ready]'), 1000);
    setTimeout(() => {
      const late = document.createElement('div');
      late.className = 'late';
      document.body.append(late);
      setTimeout(() => late.setAttribute('data-ready', ''), 20);
    }, 20);
    const [found, ready] = await Promise.all([bySelector, byFinder]);
    expect(found?.className).toBe('late');
    expect(ready).toBe(found);
  });

  it('resolves null on timeout', async () => {
    const started = Date.now();
    expect(await waitForElement(document, '.never', 60)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });
});
