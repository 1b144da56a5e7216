/** The audit actions of a return, each with the event type companies subscribe to and the word the public sees. */
export const RETURN_ACTIONS = {
  'return.due_soon': { type: 'declaration.return_due_soon', word: 'due_soon' },
  'return.overdue': { type: 'declaration.return_overdue', word: 'overdue' },
  'return.checked_in': { type: 'declaration.returned', word: 'returned' },
} as const;
export type ReturnAction = keyof typeof RETURN_ACTIONS;
export type ReturnWord = (typeof RETURN_ACTIONS)[ReturnAction]['word'];

export function isReturnAction(action: string): action is ReturnAction {
  return Object.hasOwn(RETURN_ACTIONS, action);
}

/** Which open returns a gate's list shows: not yet due, or past their deadline. */
export const RETURN_LIST_STATES = ['awaiting', 'overdue'] as const;
export type ReturnListState = (typeof RETURN_LIST_STATES)[number];
