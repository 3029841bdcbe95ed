/**
 * The mail port of sdk-core ({@link io.latchkey.notify.MailSender}) for real mailboxes:
 * {@link io.latchkey.mail.SmtpMailSender} delivers over SMTP, {@link io.latchkey.mail.DirectoryMailSender}
 * writes the same messages as {@code .eml} files into a folder. Both send the SDK's own texts in the
 * recipient's language, with an HTML alternative and the provisioning QR code inline.
 */
package io.latchkey.mail;
