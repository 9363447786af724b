// The recipient form's fields and their validation: the phone is checked for the point's country (carriers text
// the pickup code to it), the rest against the order API's own Recipient schema, so what passes here the API
// accepts. Messages name the field they are about.
import { normalizePhone } from '../core/phone.js';
import { Recipient } from '../model/order.js';
import type { OrderStepMessages } from './messages.js';

export const RECIPIENT_FIELDS = ['givenName', 'surname', 'phone', 'email'] as const;
export type RecipientField = (typeof RECIPIENT_FIELDS)[number];

/** What the buyer typed, as typed: the form never loses it, whatever happens to the order. */
export type RecipientDraft = Record<RecipientField, string>;
export type FieldErrors = Partial<Record<RecipientField, string>>;

/** Example numbers per point country, shown as the phone hint and in its error. */
export const PHONE_EXAMPLES: Readonly<Record<string, string>> = { RU: '+7 912 345-67-89', UA: '+380 67 123 4567' };

export const emptyDraft = (): RecipientDraft => ({ givenName: '', surname: '', phone: '', email: '' });

export function draftOf(r: Recipient | undefined): RecipientDraft {
  return r ? { givenName: r.givenName, surname: r.surname, phone: r.phone, email: r.email ?? '' } : emptyDraft();
}

export type RecipientCheck = { ok: true; recipient: Recipient } | { ok: false; errors: FieldErrors };

export function validateRecipient(draft: RecipientDraft, country: string, t: OrderStepMessages): RecipientCheck {
  const errors: FieldErrors = {};
  const label = t.fieldLabels;
  const example = PHONE_EXAMPLES[country] ?? '+…';
  const phoneRaw = draft.phone.trim();
  let phone = phoneRaw;
  if (!phoneRaw) errors.phone = t.required(label.phone);
  else {
    const checked = normalizePhone(phoneRaw, country);
    if (checked.ok) phone = checked.e164;
    else errors.phone = /^\+?[0-9 ()-]+$/.test(phoneRaw) ? t.phoneWrongCountry(label.phone, t.phoneCountry[country], example) : t.phoneBadChars(label.phone);
  }
  const email = draft.email.trim();
  const candidate = { givenName: draft.givenName, surname: draft.surname, phone, ...(email ? { email } : {}) };
  const parsed = Recipient.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (!isRecipientField(field) || errors[field]) continue;
      const value = field === 'email' ? email : draft[field].trim();
      errors[field] = !value ? t.required(label[field])
        : issue.code === 'too_big' ? t.tooLong(label[field])
        : field === 'email' ? t.emailInvalid(label.email)
        : t.phoneWrongCountry(label.phone, t.phoneCountry[country], example);
    }
  }
  const bad = RECIPIENT_FIELDS.filter((f) => errors[f]);
  return bad.length || !parsed.success ? { ok: false, errors } : { ok: true, recipient: parsed.data };
}

export function isRecipientField(v: unknown): v is RecipientField {
  return typeof v === 'string' && (RECIPIENT_FIELDS as readonly string[]).includes(v);
}

/** "recipient.phone" (an order API problem's field) -> "phone"; anything else -> undefined. */
export function recipientFieldOf(problemField: string | undefined): RecipientField | undefined {
  const m = /^recipient\.(\w+)/.exec(problemField ?? '');
  return m && isRecipientField(m[1]) ? m[1] : undefined;
}
