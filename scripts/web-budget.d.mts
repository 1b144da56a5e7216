export const BUDGET_BYTES: number;
export const OTHER_PAGES: string[];
export function publicPageJavaScript(webDir: string): {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
};
export function kB(bytes: number): string;
