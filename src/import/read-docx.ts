import type { Block } from './blocks.ts';
export function readDocx(_bytes: Uint8Array): { blocks: Block[] } | { error: string } {
  return { error: 'chưa hỗ trợ .docx' };
}
