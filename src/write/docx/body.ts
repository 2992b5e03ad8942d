// A part's body as a list of block-level elements, each its own markup. Whether an element is a
// paragraph matters at a section's end: a section break is carried by the properties of the
// section's last paragraph (ECMA-376 §17.6.17), added when the section ends with a table.
export type BodyElement = { kind: 'p'; xml: string } | { kind: 'tbl'; xml: string };

export const p = (xml: string): BodyElement => ({ kind: 'p', xml });
export const tbl = (xml: string): BodyElement => ({ kind: 'tbl', xml });
