/**
 * The SerializationException a JSON 1.0 value of the wrong type gets, in the words of the Coral
 * JSON codec of the service that receives it. DynamoDB (and Streams, the same Coral service)
 * words it by the member's type, the JSON token found and whether the member is a structure's
 * field or a value in a list or map:
 *
 * - a scalar member: "<TOKEN> cannot be converted to <Type>", the token being STRING_VALUE,
 *   TRUE_VALUE, FALSE_VALUE, NUMBER_VALUE (an integral number) or DECIMAL_VALUE; a string for a
 *   Boolean is "Unexpected token received from parser"; anything but a string for a blob "only
 *   base-64-encoded strings are convertible to bytes";
 * - a list, map or structure field given a scalar: "Unexpected field type"; a structure in a list
 *   or map "Unexpected value type in payload"; a list or map in a list or map the JVM's cast
 *   failure (Coral reads the element type through a ParameterizedType);
 * - an array where a list was not expected: "Unrecognized collection type <Java type>"; an object
 *   where a structure or map was not expected: "Start of structure or map found where not expected".
 *
 * Sources: radkawar/stackd testdata/aws/dynamodb/continuous_backup_controls.json seq 32 (AWS
 * us-east-1, 2026-09-18: RecoveryPeriodInDays "seven" is "STRING_VALUE cannot be converted to
 * Integer"); architect/dynalite test/helpers.js `assertType` at 6caa634 (its suite runs against
 * AWS with REMOTE=1: every DynamoDB operation's String, Integer, Long, Boolean, Blob, list, map and
 * structure members, data plane included). The Float, Double, BigDecimal and timestamp rows follow
 * the same pattern without a capture of their own. A structure's JVM name uses the model's
 * namespace; where the model has lost the name (an inlined structure) the older wording stays.
 *
 * SQS's codec is another generation: a string for an Integer is "STRING_VALUE can not be
 * converted to an Integer" (AWS SQS eu-central-1 2024-02-16, async-aws/aws issue #1667; eu-west-1
 * 2024-02-12, symfony/symfony pull #53910: VisibilityTimeout sent as a string). The other scalar
 * tokens are taken to follow it ("TRUE_VALUE can not be converted to an Integer"); lists, maps and
 * structures keep the wording boltstack had, for want of any answer of SQS's.
 *
 * Only ever called once a value has failed its type check: none of this is on a well-formed
 * request's path.
 */
import type { AwsError } from '../../errors/aws-error.js';
import type { ServiceModel, Shape } from '../../model/types.js';
import { resolveShape, shapeType } from '../shared/shape-walker.js';
import { modelNamespace, serializationException } from './errors.js';

/** Where a value sits: a structure's member ('field') or an element of a list or map ('value'). */
export type Position = 'field' | 'value';

/** The member a value failed: `ref` as the model names it (a `shape` reference or inline). */
export interface MismatchTarget {
  model: ServiceModel;
  ref: Shape;
  position: Position;
}

const BOXED: Record<string, string> = {
  string: 'String', integer: 'Integer', long: 'Long', float: 'Float', double: 'Double', boolean: 'Boolean',
};

/** The name after "cannot be converted to". */
const TARGET_NAME: Record<string, string> = { ...BOXED, bigdecimal: 'BigDecimal', timestamp: 'Date' };

const CAST_FAILURE = 'class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class '
  + '(sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of loader \'bootstrap\')';

function token(value: unknown): string {
  if (typeof value === 'string') return 'STRING_VALUE';
  if (value === true) return 'TRUE_VALUE';
  if (value === false) return 'FALSE_VALUE';
  return Number.isInteger(value) ? 'NUMBER_VALUE' : 'DECIMAL_VALUE';
}

/** The JVM type Coral deserialises `ref` into, as its messages print it; undefined for an unnamed structure. */
function javaType(model: ServiceModel, ref: Shape): string | undefined {
  const shape = resolveShape(model, ref);
  const type = shapeType(shape);
  switch (type) {
    case 'structure': return ref.shape === undefined ? undefined : `${modelNamespace(model.service)}.${ref.shape}`;
    case 'list': {
      const item = javaType(model, shape.member ?? {});
      return item === undefined ? undefined : `java.util.List<${item}>`;
    }
    case 'map': {
      const item = javaType(model, shape.value ?? {});
      return item === undefined ? undefined : `java.util.Map<java.lang.String, ${item}>`;
    }
    case 'blob': return 'java.nio.ByteBuffer';
    case 'timestamp': return 'java.util.Date';
    case 'bigdecimal': return 'java.math.BigDecimal';
    default: return `java.lang.${BOXED[type] ?? 'String'}`;
  }
}

function unrecognizedCollection(target: MismatchTarget, type: string): AwsError {
  const java = javaType(target.model, target.ref);
  // A parameterised type (a map) prints bare, a class with "class " before it.
  if (java !== undefined) return serializationException(`Unrecognized collection type ${type === 'map' ? '' : 'class '}${java}`);
  // The operation's input itself: no capture shows its name; the earlier wording stays.
  return serializationException('Start of list found where not expected');
}

/** The last names of the older Coral wording ("... can not be converted to an ByteBuffer"). */
const OLDER_TARGET_NAME: Record<string, string> = { ...TARGET_NAME, blob: 'ByteBuffer' };

function olderJavaClass(value: unknown): string {
  if (typeof value === 'string') return 'class java.lang.String';
  if (typeof value === 'boolean') return 'class java.lang.Boolean';
  return 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber';
}

/** SQS: scalar tokens by name in the older phrase; everything else as boltstack answered before. */
function sqsMismatch(type: string, value: unknown): AwsError {
  if (Array.isArray(value)) return serializationException('Start of list found where not expected');
  if (typeof value === 'object') return serializationException('Start of structure or map found where not expected');
  const target = OLDER_TARGET_NAME[type];
  if (target === undefined) return serializationException(`${olderJavaClass(value)} can not be converted to an String`);
  return serializationException(`${token(value)} can not be converted to an ${target}`);
}

export function typeMismatch(target: MismatchTarget, value: unknown): AwsError {
  const type = shapeType(resolveShape(target.model, target.ref));
  if (target.model.service === 'sqs') return sqsMismatch(type, value);
  if (Array.isArray(value)) return unrecognizedCollection(target, type);
  if (typeof value === 'object') return serializationException('Start of structure or map found where not expected');
  switch (type) {
    case 'structure':
      return serializationException(target.position === 'field' ? 'Unexpected field type' : 'Unexpected value type in payload');
    case 'list':
    case 'map':
      return serializationException(target.position === 'field' ? 'Unexpected field type' : CAST_FAILURE);
    case 'blob':
      return serializationException('only base-64-encoded strings are convertible to bytes');
    case 'boolean':
      if (typeof value === 'string') return serializationException('Unexpected token received from parser');
      break;
    default:
      break;
  }
  return serializationException(`${token(value)} cannot be converted to ${TARGET_NAME[type] ?? 'String'}`);
}
