// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { elementText } from './dom-text';

function el(html: string): Element {
  const div = document.createElement('div');
  // Test-only: building a fixture from a literal.
  div.innerHTML = html;
  return div;
}

describe('elementText', () => {
  it('collapses source whitespace and trims', () => {
    expect(elementText(el('  Hej \n   där  '))).toBe('Hej där');
  });

  it('turns emoji images into their alt characters', () => {
    expect(elementText(el('Tack<span><img alt="😍" src="x.png"></span><img alt="👍"> bra'))).toBe(
      'Tack😍👍 bra',
    );
    expect(elementText(el('Tack <img alt="😍"> bra'))).toBe('Tack 😍 bra');
  });

  it('keeps <br> as newlines, two <br> as a blank line', () => {
    expect(elementText(el('a<br>b<br><br>c'))).toBe('a\nb\n\nc');
    expect(elementText(el('a <br> b'))).toBe('a\nb');
  });

  it('puts blocks on their own lines and separates paragraphs by a blank line', () => {
    expect(elementText(el('<div>a</div><div>b<br></div><div>c</div>'))).toBe('a\nb\nc');
    expect(elementText(el('<p>a</p>\n<p>b<br>c</p>'))).toBe('a\n\nb\nc');
    expect(elementText(el('x<span>y</span> <a href="#">z</a>'))).toBe('xy z');
  });

  it('leaves out scripts, hidden elements and skipped elements', () => {
    const root = el('a<script>x()</script><span hidden>h</span> <b class="skip">s</b>b');
    expect(elementText(root, { skip: (e) => e.classList.contains('skip') })).toBe('a b');
  });

  it('keeps non-breaking spaces as spaces', () => {
    expect(elementText(el('a&nbsp;&nbsp;b'))).toBe('a  b');
  });

  it('can keep newlines inside text nodes (pre-wrap sites)', () => {
    expect(elementText(el('<span>rad 1\nrad 2\n\nrad 4</span>'), { preserveNewlines: true })).toBe(
      'rad 1\nrad 2\n\nrad 4',
    );
    expect(elementText(el('<span>rad 1\nrad 2</span>'))).toBe('rad 1 rad 2');
  });
});
