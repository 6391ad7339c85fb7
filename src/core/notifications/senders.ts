import type { OutboxChannel } from './notifications-schema.js';

/** One delivery as a sender sees it: the recipient resolved and the texts rendered (zh-CN) at send time. */
export interface OutgoingMessage {
  outboxId: string;
  notificationId: string;
  channel: OutboxChannel;
  topic: string;
  /** The real address (a mobile number for SMS): for the gateway only, never for logs. */
  to: string;
  /** The address as logs and errors may show it (`138****1234`). */
  toMasked: string;
  title: string;
  body: string;
  /** Absolute URL of the message's link (the site's public address + the stored path), if any. */
  url: string | null;
}

/** The part of a pino logger the worker and senders use. */
export interface NotificationLog {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/** Resolves when the gateway accepted the message; throws to have the row retried later. */
export type NotificationSender = (message: OutgoingMessage, log: NotificationLog) => Promise<void>;

/**
 * The development sender: writes one structured log line with the rendered text and the masked recipient, and
 * succeeds. Production deployments register their SMS / e-mail gateway instead.
 */
export const loggingSender: NotificationSender = async (message, log) => {
  log.info({
    notification: {
      channel: message.channel, to: message.toMasked, topic: message.topic, title: message.title, body: message.body,
      url: message.url, outboxId: message.outboxId,
    },
  }, 'notification sent (development sender)');
};

const registry = new Map<OutboxChannel, NotificationSender>();

/** Plugs in the sender of a channel (replacing the development one); call it before the worker starts. */
export function registerNotificationSender(channel: OutboxChannel, sender: NotificationSender) {
  registry.set(channel, sender);
}

export function senderFor(channel: OutboxChannel): NotificationSender {
  return registry.get(channel) ?? loggingSender;
}
