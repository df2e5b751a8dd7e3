/**
 * Seeded random inputs for any operation of a service model: mostly well-typed members with
 * awkward values (empty, too long, NUL, non-BMP, wrong enum), and now and then a member of the
 * wrong JSON type (null, a number for a string, an array for a map, …). The hostile-members test
 * sends them to the real server: whatever the answer, it must be AWS-shaped and never a 5xx
 * other than NotImplemented, a hang or a dropped connection.
 */
import type { ServiceModel, Shape } from '../../src/model/types.js';

export type Random = () => number;

/** A small linear congruential generator: the same seed gives the same inputs on every machine. */
export function seededRandom(seed: number): Random {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

/** Names of resources the test creates first, so some inputs reach a real table, queue or topic. */
const STRINGS = [
  't', 'q', '', 'x'.repeat(300), 'a\u0000b', '\u{1F642}', 'arn:aws:sns:us-east-1:000000000000:t',
  'arn:aws:sqs:us-east-1:000000000000:q', 'pk', '#n = :v', 'SET #a = :v', 'ALL_NEW', 'S', 'HASH',
  'true', '-1', '1e400', '\u00e9'.repeat(40), '{"a":[1]}', 'attribute_exists(#a)', 'pk = :v',
];
const WRONG: readonly unknown[] = [null, 1, -1, 1.5, 1e300, true, 'x', '', [], [1, 'a'], {}, { a: 1 }, 'x'.repeat(70_000)];

/** A DynamoDB AttributeValue, well-formed or not (every rule of the type has a case). */
function attributeValue(random: Random, depth: number): unknown {
  switch (pick(random, ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'BOOL', 'NULL', 'bad', 'two', 'empty'] as const)) {
    case 'S': return { S: pick(random, STRINGS) };
    case 'N': return { N: pick(random, ['1', '-0', '1e130', '1e-131', 'abc', '', '1'.repeat(41), ' 1', '0x10']) };
    case 'B': return { B: pick(random, ['AA==', '', '!!!', 'QUJD']) };
    case 'SS': return { SS: pick(random, [[], ['a', 'a'], ['a', 'b'], [1]]) };
    case 'NS': return { NS: pick(random, [[], ['1', '1.0'], ['x'], ['2']]) };
    case 'BS': return { BS: pick(random, [[], ['AA==', 'AA=='], ['QQ==']]) };
    case 'M': return depth > 3 ? { M: {} } : { M: { a: attributeValue(random, depth + 1), [pick(random, ['', 'b'])]: attributeValue(random, depth + 1) } };
    case 'L': return depth > 3 ? { L: [] } : { L: [attributeValue(random, depth + 1), attributeValue(random, depth + 1)] };
    case 'BOOL': return { BOOL: pick(random, [true, false, 'true', 1]) };
    case 'NULL': return { NULL: pick(random, [true, false, 'x']) };
    case 'bad': return pick(random, [null, 'x', 1, [], { Q: 'x' }]);
    case 'two': return { S: 'a', N: '1' };
    case 'empty': return {};
  }
}

export class ModelInputs {
  constructor(private readonly model: ServiceModel, private readonly random: Random) {}

  /** An input for `operation`: required members usually present, optional ones sometimes. */
  input(operation: string): unknown {
    return this.value(this.model.operations[operation]!.input ?? { type: 'structure', members: {} }, 0);
  }

  private resolve(shape: Shape): Shape {
    return shape.shape === undefined ? shape : { ...this.model.shapes[shape.shape], ...shape, shape: undefined };
  }

  private value(reference: Shape, depth: number): unknown {
    const random = this.random;
    if (random() < 0.12) return pick(random, WRONG);
    if (reference.shape === 'AttributeValue') return attributeValue(random, 0);
    const shape = this.resolve(reference);
    switch (shape.type) {
      case 'structure': {
        const out: Record<string, unknown> = {};
        if (depth > 5) return out;
        for (const [name, member] of Object.entries(shape.members ?? {})) {
          if (random() < (shape.required?.includes(name) ? 0.9 : 0.35)) out[name] = this.value(member, depth + 1);
        }
        if (random() < 0.05) out.UnknownMember = 1;
        return out;
      }
      case 'list':
        return depth > 5 ? [] : Array.from({ length: pick(random, [0, 1, 2, 3, 30]) }, () => this.value(shape.member!, depth + 1));
      case 'map': {
        const out: Record<string, unknown> = {};
        if (depth > 5) return out;
        for (let i = pick(random, [0, 1, 2]); i > 0; i--) {
          out[pick(random, ['t', 'k', ':v', '#n', '', 'String', 'All'])] = this.value(shape.value!, depth + 1);
        }
        return out;
      }
      case 'boolean': return pick(random, [true, false]);
      case 'integer': case 'long': return pick(random, [0, 1, 10, -5, 2147483648, 100000, 1.5]);
      case 'float': case 'double': return pick(random, [0, 1.5, -1, 1e308]);
      case 'timestamp': return pick(random, [0, 1700000000, -1, 1e15]);
      case 'blob': return pick(random, ['AA==', '', 'zz', '!!']);
      default: return shape.enum !== undefined && random() < 0.6 ? pick(random, shape.enum) : pick(random, STRINGS);
    }
  }

  /** The query protocol's flattened form of an input (member.N, entry.N.key/value, locationName). */
  queryParams(operation: string, input: unknown): [string, string][] {
    const out: [string, string][] = [];
    this.flatten(this.model.operations[operation]!.input ?? {}, input, '', out);
    return out;
  }

  private flatten(reference: Shape, value: unknown, prefix: string, out: [string, string][]): void {
    if (value === null || value === undefined) return;
    const shape = this.resolve(reference);
    const join = (name: string): string => (prefix === '' ? name : `${prefix}.${name}`);
    if (shape.type === 'structure' && isObject(value)) {
      for (const [name, member] of Object.entries(value)) {
        const memberShape = shape.members?.[name] ?? {};
        this.flatten(memberShape, member, join(memberShape.locationName ?? name), out);
      }
    } else if (shape.type === 'list' && Array.isArray(value)) {
      value.forEach((item, i) => this.flatten(shape.member!, item, shape.flattened ? `${prefix}.${i + 1}` : `${prefix}.member.${i + 1}`, out));
    } else if (shape.type === 'map' && isObject(value)) {
      Object.entries(value).forEach(([key, item], i) => {
        out.push([`${prefix}.entry.${i + 1}.key`, key]);
        this.flatten(shape.value!, item, `${prefix}.entry.${i + 1}.value`, out);
      });
    } else {
      out.push([prefix, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
