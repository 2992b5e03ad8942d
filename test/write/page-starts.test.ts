// The page-break comparison the seed tests rely on must itself tell a moved break from a line
// that wrapped a word apart.
import { describe, expect, it } from 'vitest';
import { endAlike } from '../helpers/page-starts.ts';

const words = (s: string) => s.split(' ');

describe('endAlike', () => {
  it('takes two pages ending on the same line, a word or two apart, as alike', () => {
    const line = 'các cơ quan chuyên môn thuộc UBND xã triển khai thực hiện kế hoạch này';
    expect(endAlike(words(`mở đầu ${line}`), words(`mở đầu ${line} và`))).toBe(true);
    expect(endAlike(words(line), words(line))).toBe(true);
  });

  it('tells pages whose last lines differ', () => {
    expect(endAlike(words('tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân xã trước ngày 15 hằng tháng'), words('tiền điện, tiền nước, tiền mạng Internet và các chi phí khác theo quy định hiện hành'))).toBe(false);
    expect(endAlike([], words('một trang'))).toBe(false);
  });
});
