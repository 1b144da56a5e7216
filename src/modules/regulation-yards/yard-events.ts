/** The audit actions of the call forward, each with the event type companies subscribe to and the call's state. */
export const YARD_ACTIONS = {
  'yard.called': { type: 'declaration.called_forward', call: 'called' },
  'yard.call_missed': { type: 'declaration.call_missed', call: 'missed' },
} as const;
export type YardAction = keyof typeof YARD_ACTIONS;
export type CallState = (typeof YARD_ACTIONS)[YardAction]['call'];

export function isYardAction(action: string): action is YardAction {
  return Object.hasOwn(YARD_ACTIONS, action);
}

/** What a call's audit note says: the yard, the deadline and the rule that chose it. */
export function callNote(call: { yard: string; deadline: Date; rule: string }): string {
  return `yard ${call.yard}, deadline ${call.deadline.toISOString()}, ${call.rule}`;
}

/** The yard and deadline back from a call's audit note; null for a note not written by callNote. */
export function readCallNote(note: string | null): { yard: string; deadline: string } | null {
  const m = note ? /^yard ([A-Z0-9_]+), deadline (\S+?),/.exec(note) : null;
  return m ? { yard: m[1], deadline: m[2] } : null;
}
