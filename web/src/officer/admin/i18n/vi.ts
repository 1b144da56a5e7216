import type { OfficerAdminWords } from './en';

export const vi: OfficerAdminWords = {
  heading: 'Cán bộ tại {{gate}}',
  lead: 'Các cán bộ được phân công tại cửa khẩu này. Bạn quản lý những cán bộ mà mọi cửa khẩu của họ đều thuộc phạm vi của bạn.',
  loading: 'Đang tải danh sách cán bộ…',
  empty: 'Chưa có cán bộ nào được phân công tại cửa khẩu này.',
  table: {
    caption: 'Cán bộ được phân công tại {{gate}}',
    username: 'Tên đăng nhập',
    agency: 'Lực lượng',
    gates: 'Cửa khẩu',
    state: 'Tình trạng',
    actions: 'Thao tác',
    you: '(bạn)',
    beyond: 'Còn được phân công tại {{gates}}: do chỉ huy nơi đó quản lý.',
  },
  state: {
    active: 'Đang hoạt động',
    disabled: 'Đã vô hiệu hóa',
    locked: 'Bị khóa đến {{time}} (đăng nhập sai quá nhiều lần)',
  },
  action: {
    disable: 'Vô hiệu hóa',
    enable: 'Kích hoạt lại',
    postings: 'Đổi phân công',
    password: 'Đặt lại mật khẩu',
    cancel: 'Hủy',
    save: 'Lưu',
    saving: 'Đang lưu…',
  },
  fields: {
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    newPassword: 'Mật khẩu mới cho {{username}}',
    agency: 'Lực lượng',
    gates: 'Cửa khẩu',
    usernameHint: 'Từ 3 đến 64 ký tự: chữ cái, chữ số, “.”, “_” hoặc “-”.',
    passwordHint: 'Từ 12 đến 128 ký tự. Trao trực tiếp cho cán bộ.',
    gatesHint: 'Chỉ chọn được cửa khẩu của chính bạn.',
  },
  create: {
    heading: 'Cán bộ mới',
    button: 'Tạo cán bộ',
  },
  postings: {
    heading: 'Phân công của {{username}}',
  },
  done: {
    created: 'Đã tạo cán bộ {{username}}; cán bộ có thể đăng nhập ngay.',
    disabled: 'Đã vô hiệu hóa {{username}}: phiên đăng nhập đã kết thúc và không thể đăng nhập lại.',
    enabled: '{{username}} có thể đăng nhập lại.',
    postings: 'Đã đổi phân công của {{username}}.',
    password: 'Đã đặt lại mật khẩu của {{username}}: các phiên đăng nhập trước đã kết thúc.',
  },
  errors: {
    AUTH_FORBIDDEN:
      'Bạn không thể làm việc này: cán bộ được phân công tại cửa khẩu bạn không phụ trách, hoặc đây là tài khoản của chính bạn.',
    AUTH_FORBIDDEN_GATES: 'Bạn không thể làm việc này: việc này liên quan đến {{gates}}, nơi bạn không phụ trách.',
    AUTH_TOKEN_INVALID: 'Phiên đăng nhập đã kết thúc. Hãy đăng nhập lại để tiếp tục.',
    OFFICER_NOT_FOUND: 'Cán bộ này không còn tồn tại. Danh sách đã được tải lại.',
    CONFLICT_DUPLICATE: 'Tên đăng nhập này đã có người dùng. Hãy chọn tên khác.',
    IDEMPOTENCY_IN_FLIGHT: 'Thao tác giống hệt vẫn đang được xử lý. Vui lòng chờ một chút.',
    IDEMPOTENCY_ANSWER_LOST: 'Thao tác đã được thực hiện nhưng mất kết quả trả về. Xem danh sách để biết kết quả.',
    invalid: 'Hãy kiểm tra các trường: {{fields}}.',
    field: {
      username: 'Tên đăng nhập (3 đến 64 chữ cái, chữ số, “.”, “_” hoặc “-”)',
      password: 'Mật khẩu (12 đến 128 ký tự)',
      agency: 'Lực lượng',
      gates: 'Cửa khẩu (ít nhất một)',
    },
    noGate: 'Hãy chọn ít nhất một cửa khẩu.',
  },
};
