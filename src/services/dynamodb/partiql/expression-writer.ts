/**
 * Writes parsed PartiQL conditions and update actions as DynamoDB expression strings, every name
 * through ExpressionAttributeNames (#pN, so reserved words need no care) and every value through
 * ExpressionAttributeValues (:vN). The result feeds the same engine as the classic API, so a
 * PartiQL statement and its classic twin behave identically.
 */
import type { AttributeValue, Condition, Operand, Path, UpdateAction, UpdateValue } from './ast.js';
import { bindValue } from './bind-values.js';

export class ExpressionWriter {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  #nameIds = new Map<string, string>();
  #params: readonly AttributeValue[];

  constructor(params: readonly AttributeValue[]) {
    this.#params = params;
  }

  name(name: string): string {
    let id = this.#nameIds.get(name);
    if (id === undefined) {
      id = `#p${this.#nameIds.size}`;
      this.#nameIds.set(name, id);
      this.names[id] = name;
    }
    return id;
  }

  value(value: AttributeValue): string {
    const id = `:v${Object.keys(this.values).length}`;
    this.values[id] = value;
    return id;
  }

  path(path: Path): string {
    let out = '';
    for (const step of path.steps) out += step.kind === 'index' ? `[${step.index}]` : `${out === '' ? '' : '.'}${this.name(step.name)}`;
    return out;
  }

  operand(operand: Operand): string {
    switch (operand.kind) {
      case 'path': return this.path(operand.path);
      case 'size': return `size(${this.path(operand.path)})`;
      case 'value': return this.value(bindValue(operand.value, this.#params));
    }
  }

  condition(cond: Condition): string {
    switch (cond.kind) {
      case 'compare': return `${this.operand(cond.left)} ${cond.op} ${this.operand(cond.right)}`;
      case 'between': return `${this.operand(cond.subject)} BETWEEN ${this.operand(cond.low)} AND ${this.operand(cond.high)}`;
      case 'in': return `${this.operand(cond.subject)} IN (${cond.list.map((o) => this.operand(o)).join(', ')})`;
      case 'and': case 'or': return `(${this.condition(cond.left)}) ${cond.kind.toUpperCase()} (${this.condition(cond.right)})`;
      case 'not': return `NOT (${this.condition(cond.operand)})`;
      case 'function': return `${cond.name}(${this.path(cond.path)}${cond.arg ? `, ${this.operand(cond.arg)}` : ''})`;
      case 'missing': return `${cond.negated ? 'attribute_exists' : 'attribute_not_exists'}(${this.path(cond.path)})`;
    }
  }

  /** `SET ... REMOVE ... ADD ... DELETE ...`, each clause once, as UpdateExpression wants. */
  update(actions: UpdateAction[]): string {
    const clauses: Record<'SET' | 'REMOVE' | 'ADD' | 'DELETE', string[]> = { SET: [], REMOVE: [], ADD: [], DELETE: [] };
    for (const action of actions) {
      if (action.kind === 'remove') { clauses.REMOVE.push(this.path(action.path)); continue; }
      const v = action.value;
      if (v.kind === 'set_add' || v.kind === 'set_delete') {
        (v.kind === 'set_add' ? clauses.ADD : clauses.DELETE).push(`${this.path(v.path)} ${this.operand(v.value)}`);
        continue;
      }
      clauses.SET.push(`${this.path(action.path)} = ${this.#updateValue(v)}`);
    }
    return Object.entries(clauses).filter(([, list]) => list.length > 0).map(([word, list]) => `${word} ${list.join(', ')}`).join(' ');
  }

  #updateValue(v: Exclude<UpdateValue, { kind: 'set_add' | 'set_delete' }>): string {
    switch (v.kind) {
      case 'operand': return this.operand(v.operand);
      case 'arith': return `${this.operand(v.left)} ${v.op} ${this.operand(v.right)}`;
      case 'list_append': return `list_append(${this.operand(v.left)}, ${this.operand(v.right)})`;
    }
  }

  /** The names and values to send with the expressions, omitted when empty (AWS refuses `{}`). */
  attributes(): { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, AttributeValue> } {
    return {
      ...(Object.keys(this.names).length > 0 && { ExpressionAttributeNames: this.names }),
      ...(Object.keys(this.values).length > 0 && { ExpressionAttributeValues: this.values }),
    };
  }
}
