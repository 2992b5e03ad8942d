// Input text → a text field of the plan source. Plan text is Handlebars and inline Markdown, so
// what the input says literally must stay literal: "{{" would start an expression, and the
// template engine has no escape for it, so the two braces are parted by a space (a real plan
// never prints "{{"; the recogniser reports it when it happens).

export const hasBraces = (text: string) => text.includes('{{') || text.includes('}}');

export function sourceText(text: string): string {
  return text.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }').replace(/\s+/g, ' ').trim();
}

/** "về việc ban hành …;" → without the end punctuation the tool generates (; . ./.). */
export function withoutEnding(text: string): string {
  return text.replace(/[\s;.,:/]+$/u, '').replace(/\.\/\.?$/, '').trim();
}
