/**
 * Writes `--name value` as `--name=value` for the CLI's string options, so that a value beginning with a dash
 * (an API key prefix is base64url and may start with `-`) is read as the value and not refused by `parseArgs`
 * as an ambiguous option. A following word that is itself one of the options stays an option.
 */
export function attachOptionValues(args: readonly string[], stringOptions: readonly string[]): string[] {
  const known = new Set([...stringOptions, 'json'].map((name) => `--${name}`));
  const takesValue = new Set(stringOptions.map((name) => `--${name}`));
  const joined: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const next = args[i + 1];
    if (takesValue.has(arg) && next !== undefined && next.startsWith('-') && !known.has(next)) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}
