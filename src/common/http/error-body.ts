/** The one error shape every 4xx/5xx answer has; `message` and each `details[].message` in the negotiated language. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown> | { field: string; message: string }[];
  requestId: string;
}
