// Where a Vietnamese title may break (title-lines.ts). Vietnamese writes a space between the
// syllables of one word, so a break at any space can split a word ("địa | bàn"); no maintained
// library segments Vietnamese words in JavaScript, and a title needs only this much: the words
// that open a phrase (a good place to start a line) and the compound words of administrative
// titles (never split). Lower case, NFC.

/** Prepositions, conjunctions and the like: a line may well start with them, and should not end with them. */
export const BREAK_BEFORE: ReadonlySet<string> = new Set([
  'của', 'về', 'trên', 'tại', 'trong', 'và', 'với', 'cho', 'đến', 'đối', 'theo', 'năm', 'giai',
  'nhằm', 'để', 'từ', 'thuộc', 'giữa', 'qua', 'sau', 'trước', 'khi', 'hoặc', 'nhưng',
  'bằng', 'vào', 'đợt', 'quý', 'tháng', 'ngày', 'thời',
]);

/** Levels of government and kinds of unit: "xã Cam Hiệp" stays on one line. */
export const LEVEL_WORDS: ReadonlySet<string> = new Set([
  'xã', 'phường', 'thị', 'trấn', 'huyện', 'quận', 'tỉnh', 'phố', 'khu', 'đặc', 'ấp', 'thôn', 'bản', 'tổ',
]);

/** Terms of more than two syllables that a title keeps on one line. */
const TERMS = ['dịch vụ công trực tuyến', 'thủ tục hành chính', 'ủy ban nhân dân', 'hội đồng nhân dân', 'một cửa liên thông'];

/** Pairs of adjacent syllables never split, as "first second": compound words and the syllables of TERMS. */
export const COMPOUNDS: ReadonlySet<string> = new Set(
  [
    ...TERMS.flatMap((t) => t.split(' ').slice(1).map((w, i) => `${t.split(' ')[i]} ${w}`)),
    'địa bàn', 'dịch vụ', 'trực tuyến', 'thủ tục', 'hành chính', 'chất lượng', 'phục vụ', 'nâng cao',
    'chỉ số', 'cải cách', 'kiểm soát', 'thực hiện', 'cung cấp', 'kế hoạch', 'chuyển đổi', 'số hóa',
    'hiệu quả', 'công tác', 'nhân dân', 'ủy ban', 'hội đồng', 'ban hành', 'triển khai', 'tăng cường',
    'đẩy mạnh', 'phát triển', 'kinh tế', 'xã hội', 'chính quyền', 'địa phương', 'doanh nghiệp',
    'người dân', 'cơ chế', 'một cửa', 'liên thông', 'giải quyết', 'hồ sơ', 'tiếp nhận', 'đánh giá',
    'giai đoạn', 'nhiệm vụ', 'giải pháp', 'chương trình', 'đề án', 'hoạt động', 'quản lý', 'nhà nước',
    'thông tin', 'truyền thông', 'văn bản', 'cơ quan', 'đơn vị', 'chủ tịch', 'thành phố', 'thị xã',
    'thị trấn', 'đặc khu', 'năm học', 'tổng kết', 'sơ kết', 'bảo đảm', 'đảm bảo', 'an toàn', 'an ninh',
    'trật tự', 'môi trường', 'tài nguyên', 'nông thôn', 'xây dựng', 'ngân sách', 'dự toán', 'tài chính',
    'giáo dục', 'y tế', 'văn hóa', 'thể thao', 'du lịch', 'lao động', 'việc làm', 'công nghệ',
    'khoa học', 'kỹ thuật', 'hạ tầng', 'giao thông', 'đô thị', 'quy hoạch', 'đất đai', 'phòng chống',
    'thiên tai', 'dân số', 'trẻ em', 'gia đình', 'bình đẳng', 'giới tính', 'phòng, chống', 'tuyên truyền',
    'phổ biến', 'pháp luật', 'kỷ luật', 'kỷ cương', 'công vụ', 'công chức', 'viên chức', 'cán bộ',
    'thanh toán', 'điện tử', 'số liệu', 'dữ liệu', 'kết quả', 'mục tiêu', 'chỉ tiêu', 'trọng tâm',
    'toàn diện', 'hành động', 'chiến lược', 'định hướng', 'tầm nhìn', 'tổ chức', 'sắp xếp', 'bộ máy',
  ].map((w) => w.normalize('NFC')),
);
