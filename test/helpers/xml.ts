import { DOMParser, type Document } from '@xmldom/xmldom';

/**
 * Parses XML strictly: anything not well-formed (a mismatched tag, an unescaped "&" or "<", an
 * unknown entity, two roots) throws. For the tests that every SSML and TwiML reply is XML.
 */
export function parseXml(text: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML (${level}): ${message}`);
    },
  });
  return parser.parseFromString(text, 'text/xml');
}

/** The text content of a document, a pause as a space, whitespace collapsed: what a voice would say. */
export function spokenText(xml: string): string {
  parseXml(xml);
  const paused = xml.replace(/<(?:break|Pause)\b[^>]*\/>/g, ' ');
  return (parseXml(paused).documentElement?.textContent ?? '').replace(/\s+/g, ' ').replace(/ ([.,?!])/g, '$1').trim();
}
