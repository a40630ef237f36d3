import nodemailer from 'nodemailer';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Executor } from '../../db/client.js';
import { mailMessages } from './mail.table.js';
import { newId } from '../auth/secrets.js';

export interface MailInput {
  coalitionId: string | null;
  to: string;
  subject: string;
  text: string;
  kind: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on bulk mail. */
  headers?: Record<string, string>;
  /** The message id, when the caller recorded it elsewhere first (a delivery record); else a new one. */
  id?: string;
}

export interface Mailer {
  /** Records the message (in the caller's transaction when given one) and returns its id. */
  enqueue(db: Executor, message: MailInput): Promise<string>;
  /** Records many messages in one statement (bulk mail such as digests); returns their ids in order. */
  enqueueMany(db: Executor, messages: MailInput[]): Promise<string[]>;
  /** Sends what was recorded: over SMTP when configured, else it stays in the outbox. */
  deliver(db: Db, id: string): Promise<void>;
  /**
   * A link was used: its token is cut from any recent message still holding it (in outbox mode the
   * outbox is the delivery, so an unsent message keeps its link until then). Call only after the
   * token was claimed, never with a token nobody proved valid.
   */
  forgetLinkToken(db: Executor, token: string, coalitionId: string | null): Promise<void>;
  readonly transport: 'smtp' | 'outbox';
}

/**
 * Links carry single-use credentials as `?token=…` (password reset, e-mail change, invitation); the
 * database keeps only their hashes. Once a message is sent its stored text keeps the link without
 * the token, so the record of what went out holds no usable secret.
 */
export const LINK_TOKEN_REMOVED = '[removed once sent]';
export const redactLinkTokens = (text: string): string => text.replace(/([?&]token=)[A-Za-z0-9_-]+/g, `$1${LINK_TOKEN_REMOVED}`);

/** The longest a mailed link stays valid (invitations: 7 days), with a margin. */
const LINK_LIFETIME_DAYS = 8;

export function createMailer(options: { smtpUrl: string | undefined; from: string; log: FastifyBaseLogger; production: boolean }): Mailer {
  const transporter = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  const row = (id: string, message: MailInput) => ({
    id,
    coalitionId: message.coalitionId,
    toAddress: message.to,
    subject: message.subject,
    textBody: message.text,
    kind: message.kind,
    headers: message.headers ?? null,
    status: 'outbox' as const,
  });
  return {
    transport: transporter ? 'smtp' : 'outbox',
    async enqueue(db, message) {
      const id = message.id ?? newId();
      await db.insert(mailMessages).values(row(id, message));
      return id;
    },
    async enqueueMany(db, messages) {
      const ids = messages.map((m) => m.id ?? newId());
      if (messages.length) await db.insert(mailMessages).values(messages.map((m, i) => row(ids[i]!, m)));
      return ids;
    },
    async forgetLinkToken(db, token, coalitionId) {
      // The coalition and recent days bound the search to an index range of mail_messages.
      await db
        .update(mailMessages)
        .set({ textBody: sql`replace(${mailMessages.textBody}, ${token}, ${LINK_TOKEN_REMOVED})` })
        .where(
          and(
            coalitionId === null ? isNull(mailMessages.coalitionId) : eq(mailMessages.coalitionId, coalitionId),
            gt(mailMessages.createdAt, sql`now() - make_interval(days => ${LINK_LIFETIME_DAYS})`),
            sql`strpos(${mailMessages.textBody}, ${token}) > 0`,
          ),
        );
    },
    async deliver(db, id) {
      const [message] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
      if (!message) return;
      if (!transporter) {
        // Outbox mode: the Coordinator reads it in the app. Account mail has no coalition, so in
        // development it is also logged, or nobody could reset a password on a laptop.
        if (!options.production && message.coalitionId === null) {
          options.log.info({ to: message.toAddress, subject: message.subject }, `mail (outbox):\n${message.textBody}`);
        }
        return;
      }
      try {
        await transporter.sendMail({ from: options.from, to: message.toAddress, subject: message.subject, text: message.textBody, ...(message.headers ? { headers: message.headers } : {}) });
        await db.update(mailMessages).set({ status: 'sent', sentAt: new Date(), textBody: redactLinkTokens(message.textBody) }).where(eq(mailMessages.id, id));
      } catch (error) {
        options.log.error({ err: error, id }, 'mail delivery failed');
        await db
          .update(mailMessages)
          .set({ status: 'failed', error: error instanceof Error ? error.message : String(error) })
          .where(eq(mailMessages.id, id));
      }
    },
  };
}
