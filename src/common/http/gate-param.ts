import { DomainError } from '../errors/domain-error.js';
import { GATE_CODES, type GateCode } from '../domain/gate-code.js';
import { msg } from '../i18n/message.js';

/** A `:gate` path parameter, or a 400 naming `gate`. */
export function gateParam(raw: string): GateCode {
  if (!(GATE_CODES as readonly string[]).includes(raw)) {
    throw DomainError.invalidField('gate', msg('field.oneOf', { allowed: GATE_CODES }));
  }
  return raw as GateCode;
}
