import type { FieldCrypto } from '../pii/field-crypto.js';
import { maskPhone } from '../pii/mask.js';
import type { OutboxChannel } from './notifications-schema.js';

export interface Recipient { to: string; masked: string }

/**
 * Where a channel reaches the user, read at send time so a changed phone number is used. Accounts have no
 * e-mail address yet, so the e-mail channel finds no recipient until they do. Null: nobody to send to.
 */
export function resolveRecipient(crypto: FieldCrypto, channel: OutboxChannel, user: { phone_enc: string | null }): Recipient | null {
  if (channel === 'sms') {
    if (!user.phone_enc) return null;
    const phone = crypto.decrypt(user.phone_enc);
    return { to: phone, masked: maskPhone(phone) };
  }
  return null;
}
