/**
 * ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all of its
 * expressions. It validates the two maps as AWS does when the request arrives, resolves
 * placeholders for the validators, and remembers which were used, so that after every
 * expression of the request is parsed `assertAllUsed()` can refuse the leftovers
 * ("Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}").
 */
import { validationException, type ValueLayer } from '../values/errors.js';
import { nameTooLarge, validateAttributeValue, valueMessages } from '../values/validate.js';
import type { AttributeValue } from '../values/types.js';

const PLACEHOLDER_NAME = /^#[0-9a-zA-Z_]+$/;
const PLACEHOLDER_VALUE = /^:[0-9a-zA-Z_]+$/;

export class ExpressionInput {
  readonly #names: Readonly<Record<string, string>>;
  readonly #values: Readonly<Record<string, AttributeValue>>;
  readonly #unusedNames: Set<string>;
  readonly #unusedValues: Set<string>;

  /**
   * Validates the maps (throws ValidationException) and normalises the values' numbers. A bad
   * value is reported bare by the current validation layer and inside "ExpressionAttributeValues
   * contains invalid value: … for key :v" by the older one (values/errors.ts, ValueLayer).
   */
  constructor(names?: Record<string, string> | null, values?: Record<string, unknown> | null, layer: ValueLayer = 'current') {
    if (names != null) {
      const keys = Object.keys(names);
      if (keys.length === 0) throw validationException('ExpressionAttributeNames must not be empty');
      for (const key of keys) {
        if (!PLACEHOLDER_NAME.test(key)) throw validationException(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${key}"`);
        // A name stands for an attribute, and attribute names are at least one character: an
        // app on AWS matches this answer word for word (test/services/dynamodb/exactness-26-writes.test.ts names it).
        if (names[key] === '') throw validationException(`ExpressionAttributeNames contains invalid value: ${valueMessages.emptyName} for key ${key}`);
        if (nameTooLarge(names[key]!)) throw validationException(valueMessages.nameTooLarge);
      }
    }
    const resolved: Record<string, AttributeValue> = {};
    if (values != null) {
      const keys = Object.keys(values);
      if (keys.length === 0) throw validationException('ExpressionAttributeValues must not be empty');
      for (const key of keys) {
        if (!PLACEHOLDER_VALUE.test(key)) throw validationException(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${key}"`);
      }
      for (const key of keys) {
        resolved[key] = validateAttributeValue(values[key], layer === 'older'
          ? { layer, prefix: 'ExpressionAttributeValues contains invalid value: ', suffix: ` for key ${key}` }
          : { layer });
      }
    }
    this.#names = names ?? {};
    this.#values = resolved;
    this.#unusedNames = new Set(Object.keys(this.#names));
    this.#unusedValues = new Set(Object.keys(resolved));
  }

  /** The attribute name for `#placeholder`, marking it used; undefined when not defined. */
  name(placeholder: string): string | undefined {
    const name = Object.hasOwn(this.#names, placeholder) ? this.#names[placeholder] : undefined;
    if (name !== undefined) this.#unusedNames.delete(placeholder);
    return name;
  }

  /** The value for `:placeholder`, marking it used; undefined when not defined. */
  value(placeholder: string): AttributeValue | undefined {
    const value = Object.hasOwn(this.#values, placeholder) ? this.#values[placeholder] : undefined;
    if (value !== undefined) this.#unusedValues.delete(placeholder);
    return value;
  }

  get hasNames(): boolean {
    return Object.keys(this.#names).length > 0;
  }

  get hasValues(): boolean {
    return Object.keys(this.#values).length > 0;
  }

  /** Refuses names, then values, that no expression of the request used. */
  assertAllUsed(): void {
    if (this.#unusedNames.size > 0) {
      throw validationException(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${[...this.#unusedNames].join(', ')}}`);
    }
    if (this.#unusedValues.size > 0) {
      throw validationException(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${[...this.#unusedValues].join(', ')}}`);
    }
  }
}
