/**
 * The model constraints STS's validation layer checks before an operation runs, collected and
 * reported together as AWS's validation layer reports them: "2 validation errors detected: Value
 * 'a:' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression
 * pattern: [\w+=,.@-]*; Value 'a:' at 'roleSessionName' failed to satisfy constraint: Member must
 * have length greater than or equal to 2". The checks add them in the order of the operation's
 * members in the model (the order of STS's own two-member answer for AssumeRole without RoleArn
 * and RoleSessionName, required-members.ts), and, for one member, the pattern before the length:
 * the order of AWS's answers whenever one value breaks both, e.g. Cognito's "Value '' at
 * 'confirmationCode' … pattern: [\S]+; Value '' at 'confirmationCode' … length greater than or
 * equal to 1" and "Value 'arn:aws:cognito-idp:…' at 'identityPoolId' … pattern …; … length less
 * than or equal to 55", Firehose's "… at 'httpEndpointDestinationConfiguration.endpointConfiguration.name'
 * … pattern: ^(?!\s*$).+; … length greater than or equal to 1" (real AWS answers quoted in public
 * code and issues). No capture of STS itself breaking two rules at once was found.
 */
import { stsErrors } from './errors.js';

export class Violations {
  /** Made at the first violation: nearly every request has none. */
  #clauses: string[] | undefined;

  /**
   * `absent`: the clauses of absent required members (required-members.ts words them), reported
   * first, with every rule the present members break: AWS's validation layer answers both in one
   * ValidationError (DynamoDB's, the same layer: "3 validation errors detected: Value 'x' at
   * '…indexName' … length greater than or equal to 3; Value null at '…keySchema' … Member must
   * not be null; …", ack-api-quirks services/dynamodb DDB-TABLE-457 rst_gsi_override_name_only,
   * measured 2026-10-09). AWS's order across members is not the model's in every answer, so the
   * absent ones lead.
   */
  constructor(absent?: readonly string[]) {
    if (absent !== undefined && absent.length > 0) this.#clauses = [...absent];
  }

  /** `value` undefined: a sensitive member, whose value AWS leaves out ("Value at 'sAMLAssertion'"). */
  add(value: string | number | undefined, member: string, constraint: string): void {
    const shown = value === undefined ? 'Value' : `Value '${value}'`;
    (this.#clauses ??= []).push(`${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
  }

  /** Throws the ValidationError naming every violation, when there is one. */
  check(): void {
    const clauses = this.#clauses;
    if (clauses === undefined) return;
    const count = clauses.length === 1 ? '1 validation error detected' : `${clauses.length} validation errors detected`;
    throw stsErrors.validation(`${count}: ${clauses.join('; ')}`);
  }
}

/** A string member's rules: its pattern (`source` as AWS quotes it), then its length bounds. */
export interface TextRules { pattern?: { test: RegExp; source: string }; min?: number; max?: number; sensitive?: boolean }

/** Adds the violations of `value` (a string member) to `v`, the pattern's first. */
export function checkText(v: Violations, value: string | undefined, member: string, rules: TextRules): void {
  // Absent: a required member's absence is reported by the caller (Violations' `absent`).
  if (value === undefined) return;
  const shown = rules.sensitive === true ? undefined : value;
  if (rules.pattern !== undefined && !rules.pattern.test.test(value)) v.add(shown, member, `Member must satisfy regular expression pattern: ${rules.pattern.source}`);
  if (rules.min !== undefined && value.length < rules.min) v.add(shown, member, `Member must have length greater than or equal to ${rules.min}`);
  if (rules.max !== undefined && value.length > rules.max) v.add(shown, member, `Member must have length less than or equal to ${rules.max}`);
}
