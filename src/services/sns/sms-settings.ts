/**
 * An account's SMS settings in one Region (SetSMSAttributes, the opted-out numbers, the SMS
 * sandbox's destination numbers), one MetaStore record each, cached once read. Changes are
 * made to the cached object at once and written in call order, so concurrent calls never undo
 * each other. https://docs.aws.amazon.com/sns/latest/dg/sns-sms-sandbox.html
 */
import type { MetaStore } from '../../storage/meta-store.js';
import { SNS_NS, smsSettingsKey } from './keys.js';

export interface SandboxNumber {
  phoneNumber: string;
  status: 'Pending' | 'Verified';
  /** The one-time password sent to it (kept until verified). */
  otp?: string;
}

export interface SmsSettings {
  /** The attributes set with SetSMSAttributes (an empty value resets one, so it is not kept). */
  attributes: Record<string, string>;
  optedOut: string[];
  sandbox: SandboxNumber[];
}

export class SmsSettingsStore {
  readonly #meta: MetaStore;
  readonly #cache = new Map<string, Promise<SmsSettings>>();
  #writes: Promise<void> = Promise.resolve();

  constructor(meta: MetaStore) {
    this.#meta = meta;
  }

  of(account: string, region: string): Promise<SmsSettings> {
    const key = smsSettingsKey(account, region);
    let settings = this.#cache.get(key);
    if (settings === undefined) {
      settings = this.#meta.get(SNS_NS, key).then((text) => (text === undefined ? { attributes: {}, optedOut: [], sandbox: [] } : JSON.parse(text) as SmsSettings));
      this.#cache.set(key, settings);
    }
    return settings;
  }

  /** Writes the settings as they are now; resolves once durable. */
  save(account: string, region: string, settings: SmsSettings): Promise<void> {
    const write = this.#writes.then(() => this.#meta.put(SNS_NS, smsSettingsKey(account, region), JSON.stringify(settings)));
    this.#writes = write.catch(() => undefined);
    return write;
  }
}
