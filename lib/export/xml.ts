/**
 * XML text escaping. XML 1.0 cannot carry every string: control characters other than tab,
 * LF and CR, lone surrogates, U+FFFE and U+FFFF are not allowed even as character references.
 * They are replaced with U+FFFD so the reader sees that something was there; the exact text
 * stays in the JSON backup.
 */

// Everything outside #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function toXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/** For element content. CR is written as &#13; so parsers do not turn CRLF into LF. */
export function escapeXmlText(text: string): string {
  return toXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** For attribute values in double quotes; tab, LF and CR as references so they survive normalisation. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

export type XmlNode = {
  name: string;
  attributes?: Record<string, string | undefined>;
  children?: XmlChild[];
};
export type XmlChild = XmlNode | string | null | undefined | false;

/** Builds an element: text children are escaped, falsy children dropped. */
export function el(name: string, attributes: XmlNode['attributes'], ...children: XmlChild[]): XmlNode {
  return { name, attributes, children };
}

export function renderXml(node: XmlNode, indent = ''): string {
  const attributes = Object.entries(node.attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
    .join('');
  const children = (node.children ?? []).filter(
    (child): child is XmlNode | string => Boolean(child) || child === '',
  );
  if (children.length === 0) return `${indent}<${node.name}${attributes}/>`;
  if (children.every((child) => typeof child === 'string')) {
    return `${indent}<${node.name}${attributes}>${children.map(escapeXmlText).join('')}</${node.name}>`;
  }
  const inner = children
    .map((child) =>
      typeof child === 'string' ? indent + escapeXmlText(child) : renderXml(child, `${indent}  `),
    )
    .join('\n');
  return `${indent}<${node.name}${attributes}>\n${inner}\n${indent}</${node.name}>`;
}
