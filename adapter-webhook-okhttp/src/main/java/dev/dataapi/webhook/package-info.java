/**
 * Webhook delivery over HTTPS with OkHttp, guarded against server-side request forgery.
 * {@link dev.dataapi.webhook.PublicAddressPolicy} decides which callback URLs may be called (public
 * addresses only, unless private networks are allowed for tests or on-premises use), and
 * {@link dev.dataapi.webhook.OkHttpWebhookSender} connects only to addresses that policy allows,
 * checked at connection time so DNS rebinding cannot reach an internal address.
 */
package dev.dataapi.webhook;
