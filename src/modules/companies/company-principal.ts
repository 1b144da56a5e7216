export const COMPANY_USER_ROLES = ['admin', 'clerk'] as const;
/** What a person of a company may do: `admin` everything, `clerk` declarations only. */
export type CompanyUserRole = (typeof COMPANY_USER_ROLES)[number];
/** Who acts for a company: one of its people, or a machine holding an API key. */
export type CompanyRole = CompanyUserRole | 'api_key';

export const isCompanyUserRole = (value: unknown): value is CompanyUserRole =>
  typeof value === 'string' && (COMPANY_USER_ROLES as readonly string[]).includes(value);

/** Who a company request comes from, as CompanyAuthGuard resolved it: an API key, or a signed-in person. */
export interface AuthenticatedCompany {
  companyId: string;
  /** The API key's prefix; null for a signed-in person. */
  keyPrefix: string | null;
  /** The signed-in person; null for an API key. */
  userId: string | null;
  username: string | null;
  role: CompanyRole;
}

/** The audit log's actor for a company request: the company (API key, as always) or the person. */
export function companyActorRef(principal: AuthenticatedCompany): string {
  return principal.userId ? `company_user:${principal.userId}` : `company:${principal.companyId}`;
}
