/**
 * The versions of our webhook triggers. 1.1 changes nothing a builder sees: n8n 2.41 evaluates a
 * legacy "binary data" setting of every version-1 webhook node in its expression sandbox on each
 * call, which costs more than the rest of the call; from 1.1 on it does not. Workflows saved with
 * version 1 keep working as before.
 */
export const WEBHOOK_TRIGGER_VERSIONS = { version: [1, 1.1], defaultVersion: 1.1 };
