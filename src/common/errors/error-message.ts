/** The message of anything thrown, for a log line or a stored failure reason. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
