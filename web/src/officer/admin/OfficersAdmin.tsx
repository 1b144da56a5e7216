/** A supervisor's officer administration at one gate: create, disable, change postings, reset a password. */
export function OfficersAdmin(props: { gate: string; token: string }) {
  return <section aria-label="Officers" data-gate={props.gate} />;
}
