/** Every error code the API can answer with, and its HTTP status: the one place codes map to statuses. */
export const ERROR_STATUS = {
  'REQUEST.VALIDATION_FAILED': 400,
  'REQUEST.INVALID_JSON': 400,
  'REQUEST.MALFORMED_URL': 400,
  'REQUEST.URI_TOO_LONG': 414,
  'REQUEST.BODY_TOO_LARGE': 413,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'REQUEST.ROUTE_NOT_FOUND': 404,
  'REQUEST.METHOD_NOT_ALLOWED': 405,
  'REQUEST.REJECTED': 400,
  'AUTH.API_KEY_MISSING': 401,
  'AUTH.API_KEY_INVALID': 401,
  'IDEMPOTENCY.KEY_MISSING': 400,
  'IDEMPOTENCY.KEY_INVALID': 400,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'IDEMPOTENCY.IN_FLIGHT': 409,
  'DECLARATION.NOT_FOUND': 404,
  'DECLARATION.CONCURRENT_CHANGE': 409,
  'DECLARATION.ILLEGAL_TRANSITION': 409,
  'VEHICLE.NOT_FOUND': 404,
  'VEHICLE.AMBIGUOUS_PLATE': 409,
  'CONFLICT.DUPLICATE': 409,
  INTERNAL: 500,
  'SERVICE.UNAVAILABLE': 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Named database constraints whose violation is the client's conflict, not our bug. */
export const CONSTRAINT_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  UQ_company_tax_code: { code: 'CONFLICT.DUPLICATE', message: 'A company with this tax code already exists' },
  UQ_watchlist_entry_active: { code: 'CONFLICT.DUPLICATE', message: 'This entry is already on the watchlist' },
};
