// A province plan promulgated by a decision of the Chairman, in the 2025 shape (a sample written
// for the tests: its number, date and signer are not a real decision).
export function provinceDecisionPlan(unit: string, signer = 'Nguyễn Văn A'): string {
  return `don_vi: ${unit}
loai: ke_hoach
ngay: 2025-07-14
trich_yeu: Cải cách hành chính năm {{nam}} trên địa bàn {{don_vi.ten_day_du}}
quyet_dinh:
  so: 393
  can_cu: ['Căn cứ {{van_ban "luat-tccqdp-2025"}}']
  de_nghi: Giám đốc Sở Nội vụ
  dieu: [Ban hành kèm theo Quyết định này Kế hoạch., Quyết định này có hiệu lực kể từ ngày ký., Các cơ quan chịu trách nhiệm thi hành.]
  noi_nhan: { danh_sach: [Như Điều 3], luu: [VT, NC] }
  ky: { ky_thay: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, ho_ten: ${signer} }
noi_dung: [{ id: muc-dich, tieu_de: Mục đích, noi_dung: Đoạn. }]
`;
}
