import { DomainError } from '../errors/domain-error.js';
import { GATE_CODES, type GateCode, parseGateCode } from '../domain/gate-code.js';

/** A `:gate` path parameter in any letter case, as its canonical code, or a 400 naming `gate`. */
export function gateParam(raw: string): GateCode {
  const gate = parseGateCode(raw);
  if (!gate) throw DomainError.invalidField('gate', `must be one of ${GATE_CODES.join(', ')}`);
  return gate;
}
