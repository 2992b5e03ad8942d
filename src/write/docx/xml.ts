// WordprocessingML is written as text: the writer builds each element's markup directly instead of
// an object tree serialised later (the docx package did that, and its serialiser was most of a
// render's cost). Only this module knows how to escape.

// Characters XML 1.0 does not allow at all (§2.2), even escaped: C0 controls other than tab, LF and
// CR, unpaired surrogates, U+FFFE/U+FFFF. YAML can carry them ("\x01"); Word refuses a file that has
// one, so they are dropped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Character data of w:t and similar elements. */
export function escapeText(text: string): string {
  const clean = text.replace(NOT_XML, '');
  return /[&<>]/.test(clean) ? clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : clean;
}

/** A double-quoted attribute value. */
export function escapeAttr(text: string): string {
  const clean = text.replace(NOT_XML, '');
  return /[&<>"]/.test(clean)
    ? clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    : clean;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
