/**
 * Step 3 for UpdateExpression: raw actions + ExpressionInput → UpdateAst, with AWS's errors in
 * AWS's priority order: reserved word, unknown function, repeated section, undefined name,
 * undefined value, overlapping then conflicting target paths, ADD/DELETE operand type, then
 * function problems (operand count, document path required, literal operand types of
 * list_append, + and -). Within a category the first in the text wins.
 */
import { typeOf, type AttributeType, type AttributeValue } from '../values/types.js';
import type { ExpressionInput } from './expression-input.js';
import { pathClashMessage, type Path, type PathElement } from './paths.js';
import type { RawNode } from './raw-tree.js';
import { isReservedWord } from './reserved-words.js';
import { expressionError } from './tokens.js';
import type { UpdateAction, UpdateAst, UpdateValue } from './update-ast.js';
import { parseUpdateTree, type Section } from './update-parser.js';
import { operandCountMessage, operandTypeMessage } from './condition-validate.js';

const KIND = 'UpdateExpression';
const FUNCTIONS = new Set(['if_not_exists', 'list_append']);
const OPERAND_TYPE_NAMES: Partial<Record<AttributeType, string>> = {
  S: 'STRING', N: 'NUMBER', B: 'BINARY', NULL: 'NULL', BOOL: 'BOOLEAN', L: 'LIST', M: 'MAP',
};

class Problems {
  reserved: string | undefined;
  unknownFunction: string | undefined;
  section: string | undefined;
  name: string | undefined;
  value: string | undefined;
  clash: string | undefined;
  operand: string | undefined;
  function: string | undefined;
  first(): string | undefined {
    return this.reserved ?? this.unknownFunction ?? this.section ?? this.name ?? this.value ?? this.clash ?? this.operand ?? this.function;
  }
}

class UpdateResolver {
  readonly problems = new Problems();
  constructor(private readonly input: ExpressionInput) {}

  path(node: RawNode): Path {
    if (node.kind !== 'path') throw new Error('expected a path');
    const path: PathElement[] = [];
    for (const e of node.elements) {
      if (e.kind === 'ident') {
        if (isReservedWord(e.text)) this.problems.reserved ??= `Attribute name is a reserved keyword; reserved keyword: ${e.text}`;
        path.push(e.text);
      } else if (e.kind === 'index') {
        path.push(Number(e.text));
      } else {
        const name = this.input.name(e.text);
        if (name === undefined) this.problems.name ??= `An expression attribute name used in the document path is not defined; attribute name: ${e.text}`;
        path.push(name ?? e.text);
      }
    }
    return path;
  }

  valueRef(ref: string): AttributeValue {
    const value = this.input.value(ref);
    if (value === undefined) this.problems.value ??= `An expression attribute value used in expression is not defined; attribute value: ${ref}`;
    return value ?? { NULL: true };
  }

  /** Literal operand types are checked; paths and function results are known only at run time. */
  checkLiteral(name: string, operand: UpdateValue, allowed: AttributeType): void {
    if (operand.kind === 'value' && typeOf(operand.value) !== allowed) {
      this.problems.function ??= operandTypeMessage(name, typeOf(operand.value));
    }
  }

  value(node: RawNode): UpdateValue {
    switch (node.kind) {
      case 'paren': return this.value(node.inner);
      case 'path': return { kind: 'path', path: this.path(node) };
      case 'value': return { kind: 'value', value: this.valueRef(node.ref) };
      case 'arith': {
        const left = this.value(node.left);
        const right = this.value(node.right);
        this.checkLiteral(node.op, left, 'N');
        this.checkLiteral(node.op, right, 'N');
        return { kind: node.op, left, right };
      }
      case 'call': {
        if (!FUNCTIONS.has(node.name)) this.problems.unknownFunction ??= `Invalid function name; function: ${node.name}`;
        const args = node.args.map((a) => this.value(a));
        if (args.length !== 2) {
          this.problems.function ??= operandCountMessage(node.name, args.length);
          return args[0] ?? { kind: 'value', value: { NULL: true } };
        }
        const [first, second] = args as [UpdateValue, UpdateValue];
        if (node.name === 'if_not_exists') {
          if (first.kind !== 'path') {
            this.problems.function ??= `Operator or function requires a document path; operator or function: ${node.name}`;
            return second;
          }
          return { kind: 'if_not_exists', path: first.path, fallback: second };
        }
        this.checkLiteral(node.name, first, 'L');
        this.checkLiteral(node.name, second, 'L');
        return { kind: 'list_append', left: first, right: second };
      }
      default:
        throw new Error(`unexpected ${node.kind} in an update value`);
    }
  }
}

/** Parses and validates an UpdateExpression. */
export function parseUpdate(source: string, input: ExpressionInput): UpdateAst {
  const raw = parseUpdateTree(source);
  const resolver = new UpdateResolver(input);
  const problems = resolver.problems;
  const seen = new Set<Section>();
  for (const section of raw.sections) {
    if (seen.has(section)) problems.section ??= `The "${section}" section can only be used once in an update expression;`;
    seen.add(section);
  }
  const actions: UpdateAction[] = [];
  for (const action of raw.actions) {
    const path = resolver.path(action.path);
    if (action.section === 'REMOVE') {
      actions.push({ kind: 'REMOVE', path });
    } else if (action.section === 'SET') {
      actions.push({ kind: 'SET', path, value: resolver.value(action.value!) });
    } else {
      const ref = action.value!;
      const value = resolver.valueRef(ref.kind === 'value' ? ref.ref : '');
      const type = typeOf(value);
      const allowed = type === 'SS' || type === 'NS' || type === 'BS' || (action.section === 'ADD' && type === 'N');
      if (!allowed && problems.value === undefined) {
        problems.operand ??= `Incorrect operand type for operator or function; operator: ${action.section}, operand type: ${OPERAND_TYPE_NAMES[type] ?? type}`;
      }
      actions.push({ kind: action.section, path, value });
    }
  }
  problems.clash = pathClashMessage(actions.map((a) => a.path));
  const problem = problems.first();
  if (problem !== undefined) throw expressionError(KIND, problem);
  return { actions };
}
