/**
 * The public name of an audit record, or null when it is not an event anyone follows (claims, amendment
 * requests, …). Status moves are `declaration.<status>`; a passed step and a hold get their own names.
 */
export function eventTypeOf(action: string, toStatus: string | null): string | null {
  if (action === 'transition' && toStatus) return `declaration.${toStatus}`;
  if (action === 'step.passed') return 'declaration.step_passed';
  if (action === 'step.held') return 'declaration.held';
  return null;
}
