import type { Kysely } from 'kysely';
import type { MessageId } from '../i18n/i18n.js';

/**
 * What other modules keep that depends on an institution (the learning module's courses and classes, later
 * governance's assets), so the network module can refuse to delete an institution with the reason — without knowing
 * those modules. Each dependent counts its rows for the institution inside the deleting transaction.
 */
export interface InstitutionDependent {
  id: string;
  count(trx: Kysely<any>, institutionId: string): Promise<number>;
  /** The 409's message, given {count}. */
  messageId: MessageId;
}

const dependents = new Map<string, InstitutionDependent>();

export function registerInstitutionDependent(dependent: InstitutionDependent) {
  dependents.set(dependent.id, dependent);
}

/** The first dependent that still has rows for the institution, with its count; null when nothing depends on it. */
export async function firstInstitutionDependent(trx: Kysely<any>, institutionId: string): Promise<{ messageId: MessageId; count: number } | null> {
  for (const dependent of dependents.values()) {
    const count = await dependent.count(trx, institutionId);
    if (count > 0) return { messageId: dependent.messageId, count };
  }
  return null;
}
