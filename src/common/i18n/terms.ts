import type { Language } from './language.js';

/**
 * How a message names a code it carries, per language (the glossary's words). A placeholder `{name:kind}` in a
 * catalog renders its value through the table of `kind`; a code a table lacks is shown as it is.
 */
export const TERM_KINDS = ['gate', 'agency', 'status', 'step', 'direction', 'amendment'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

type Words<Code extends string> = Record<Code, string>;

/** Every code of each kind has its word in every language (the compiler checks); the pages use the same tables. */
export interface TermTable {
  gate: Words<'HUU_NGHI' | 'TAN_THANH'>;
  agency: Words<'customs' | 'border_guard' | 'quarantine' | 'yard' | 'supervisor'>;
  status: Words<
    | 'submitted'
    | 'accepted'
    | 'waiting_at_yard'
    | 'rejected'
    | 'in_yard'
    | 'cleared'
    | 'refused'
    | 'exited'
    | 'cancelled'
    | 'expired'
  >;
  step: Words<'waiting' | 'claimed' | 'passed' | 'held' | 'refused'>;
  direction: Words<'export' | 'import'>;
  amendment: Words<'pending' | 'approved' | 'declined'>;
}

export const TERMS: Record<Language, TermTable> = {
  en: {
    gate: { HUU_NGHI: 'Hữu Nghị (HUU_NGHI)', TAN_THANH: 'Tân Thanh (TAN_THANH)' },
    agency: {
      customs: 'Customs',
      border_guard: 'Border guard',
      quarantine: 'Quarantine',
      yard: 'Yard (fee)',
      supervisor: 'Gate supervisor',
    },
    status: {
      submitted: 'submitted (being checked)',
      accepted: 'accepted',
      waiting_at_yard: 'waiting at a regulation yard',
      rejected: 'rejected',
      in_yard: 'in the yard',
      cleared: 'cleared',
      refused: 'refused',
      exited: 'exited',
      cancelled: 'cancelled',
      expired: 'expired (did not arrive)',
    },
    step: { waiting: 'waiting', claimed: 'in progress', passed: 'passed', held: 'held', refused: 'refused' },
    direction: { export: 'export', import: 'import' },
    amendment: { pending: 'pending', approved: 'approved', declined: 'declined' },
  },
  vi: {
    gate: { HUU_NGHI: 'Cửa khẩu quốc tế Hữu Nghị', TAN_THANH: 'Cửa khẩu Tân Thanh' },
    agency: {
      customs: 'Hải quan',
      border_guard: 'Biên phòng',
      quarantine: 'Kiểm dịch',
      yard: 'Quản lý bãi (thu phí)',
      supervisor: 'Chỉ huy cửa khẩu',
    },
    status: {
      submitted: 'Đã khai báo, chờ duyệt',
      accepted: 'Đã được chấp nhận',
      waiting_at_yard: 'Đang chờ tại bãi điều tiết',
      rejected: 'Bị từ chối',
      in_yard: 'Đang trong bãi',
      cleared: 'Đã hoàn thành thủ tục',
      refused: 'Không được thông quan',
      exited: 'Đã ra khỏi cửa khẩu',
      cancelled: 'Đã hủy',
      expired: 'Hết hiệu lực (không đến)',
    },
    step: { waiting: 'Chờ xử lý', claimed: 'Đang xử lý', passed: 'Đạt', held: 'Tạm giữ', refused: 'Không đạt' },
    direction: { export: 'Xuất khẩu', import: 'Nhập khẩu' },
    amendment: { pending: 'đang chờ', approved: 'chấp thuận', declined: 'từ chối' },
  },
  zh: {
    gate: { HUU_NGHI: '友谊口岸', TAN_THANH: '新清口岸' },
    agency: { customs: '海关', border_guard: '边防', quarantine: '检疫', yard: '场站（收费）', supervisor: '口岸主管' },
    status: {
      submitted: '已申报，审核中',
      accepted: '已受理',
      waiting_at_yard: '在调度停车场等候',
      rejected: '已驳回',
      in_yard: '已入场',
      cleared: '已放行',
      refused: '不予放行',
      exited: '已离开口岸',
      cancelled: '已取消',
      expired: '已失效（未到达）',
    },
    step: { waiting: '待处理', claimed: '处理中', passed: '通过', held: '暂扣', refused: '不通过' },
    direction: { export: '出口', import: '进口' },
    amendment: { pending: '待审批', approved: '批准', declined: '驳回' },
  },
};

/** The word for `code` of `kind` in `language`; undefined for a code the table lacks. */
export function termFor(language: Language, kind: TermKind, code: string): string | undefined {
  const table: Partial<Record<string, string>> = TERMS[language][kind];
  return table[code];
}
