/** What happened, as a sink (the security team's channel) receives it. Never carries passwords or full personal numbers. */
export type SecurityAlertKind = 'lockout_burst' | 'mass_export' | 'frequent_export' | 'off_hours_login' | 'published_result_changed';

export interface SecurityAlert {
  kind: SecurityAlertKind;
  /** ISO 8601 with the +08:00 offset, as in the audit log. */
  at: string;
  /** The audit entry (`security.alert`) that records this alert. */
  auditSeq: number;
  actor: { id: string | null; name: string | null };
  ip: string | null;
  subject: { type: string; id: string | null } | null;
  details: Record<string, string | number | boolean | null>;
}

/** The part of a pino logger the logging sink uses. */
export interface AlertLog { warn(fields: object, message?: string): void; error(fields: object, message?: string): void }

/** Delivers one alert; a throw is logged (the audit entry already holds the alert), never shown to the user. */
export type AlertSink = (alert: SecurityAlert, log: AlertLog) => Promise<void> | void;

/** The default sink: one structured warning line, for the log shipper or SIEM to pick up. */
export const loggingAlertSink: AlertSink = (alert, log) => {
  log.warn({ securityAlert: alert }, `security alert: ${alert.kind}`);
};

let sink: AlertSink = loggingAlertSink;
const silentLog: AlertLog = { warn: () => {}, error: () => {} };
let log: AlertLog = silentLog;

/** Plugs in the deployment's channel (SMS to the duty officer, a SIEM webhook…), replacing the logging sink. */
export function registerAlertSink(next: AlertSink) {
  sink = next;
}

/** The logger alerts go to (buildApp passes the app's). */
export function setAlertLog(next: AlertLog) {
  log = next;
}

export async function deliverAlert(alert: SecurityAlert) {
  try {
    await sink(alert, log);
  } catch (error) {
    log.error({ err: error, securityAlert: { kind: alert.kind, auditSeq: alert.auditSeq } }, 'security alert sink failed');
  }
}
