/** How long each part of /health may take to answer before it counts as not answering. */
export const PROBE_TIMEOUT_MS = 2000;
