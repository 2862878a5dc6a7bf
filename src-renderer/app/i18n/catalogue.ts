// The one catalogue of UI strings: the core strings plus each feature's own part. A feature
// adds its messages module here. Indonesian is the source; English must have the same keys.
import { en as coreEn } from './en';
import { id as coreId } from './id';
import { messages as programmeMessages } from '../../features/programme/messages';
import { registrationMessages } from '../../features/registrations/messages';
import { permitMessages } from '../../features/permits/messages';
import { messages as reportMessages } from '../../features/reports/messages';
import { orderMessages } from '../../features/orders/messages';
import { auditLabelMessages, auditMessages } from '../../features/audit/messages';

/** A feature's strings: Indonesian as the source of keys, English with exactly those keys. */
export interface FeatureMessages<K extends string> {
  id: Record<K, string>;
  en: Record<K, string>;
}

// A function declaration, not a const: feature modules that catalogue.ts imports call it while
// this module is still loading (circular import), and only a declaration is hoisted.
export function defineMessages<const T extends Record<string, string>>(id: T, en: Record<keyof T, string>): FeatureMessages<keyof T & string> {
  return { id, en };
}

const features = [registrationMessages, permitMessages, programmeMessages, reportMessages, orderMessages, auditMessages] as const;

type KeysOf<T> = T extends FeatureMessages<infer K> ? K : never;
type FeatureKeys = KeysOf<(typeof features)[number]>;
export type MessageKey = keyof typeof coreId | FeatureKeys;

// Labels built from data (the audit viewer's method and data names) join the catalogue at run
// time; their keys are looked up with `labelKey`, outside the typed keys.
const generated = [auditLabelMessages];

export const catalogues = {
  id: Object.assign({}, coreId, ...features.map((f: FeatureMessages<string>) => f.id), ...generated.map((g) => g.id)) as Record<MessageKey, string>,
  en: Object.assign({}, coreEn, ...features.map((f: FeatureMessages<string>) => f.en), ...generated.map((g) => g.en)) as Record<MessageKey, string>,
};

/** A generated label's key; the catalogue falls back to the key itself when a label is missing. */
export const labelKey = (key: string) => key as MessageKey;
