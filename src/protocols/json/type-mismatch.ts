/**
 * The SerializationException a JSON 1.0 value of the wrong type gets, in the words of AWS's Coral
 * JSON codec today. The wording depends on the member's type, the JSON token found and whether the
 * member is a structure's field or a value in a list or map:
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
 * structure members, data plane included). The Float, Double, BigDecimal and timestamp rows and
 * SQS (the same Coral codec behind its JSON protocol) follow the same pattern without a capture of
 * their own. The JVM names of a structure use the service's model namespace.
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

export function typeMismatch(target: MismatchTarget, value: unknown): AwsError {
  const type = shapeType(resolveShape(target.model, target.ref));
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
