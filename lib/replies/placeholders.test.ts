import { describe, expect, it } from 'vitest';
import { fillTemplate, unknownPlaceholders } from './placeholders';

describe('fillTemplate', () => {
  it('fills Swedish and English placeholders alike', () => {
    const result = fillTemplate('Hej {författare}! {signatur} {author}', {
      author: 'Anna',
      signature: '/Maria',
    });
    expect(result).toEqual({ text: 'Hej Anna! /Maria Anna', missing: [], unknown: [] });
  });

  it('reports missing values instead of leaving braces', () => {
    const result = fillTemplate('Tack! /{namn}, {titel}', { name: 'Maria Ek' });
    expect(result.text).toBe('Tack! /Maria Ek, ');
    expect(result.missing).toEqual(['title']);
    expect(result.text).not.toMatch(/[{}]/);
  });

  it('reports unknown placeholders so the text is never sent with raw braces', () => {
    const result = fillTemplate('Hej {titl} och {namn}', { name: 'Maria' });
    expect(result.unknown).toEqual(['titl']);
    expect(unknownPlaceholders('{okänd} {datum} {Namn}')).toEqual(['okänd']);
  });

  it('keeps HTML-like characters as text, in the template and in values', () => {
    const result = fillTemplate('<b>Tack</b> {författare} & välkommen', {
      author: '<img src=x onerror=alert(1)>',
    });
    expect(result.text).toBe('<b>Tack</b> <img src=x onerror=alert(1)> & välkommen');
  });

  it('leaves braces that are not placeholders alone', () => {
    expect(fillTemplate('a { b } {}', {}).text).toBe('a { b } {}');
  });
});
