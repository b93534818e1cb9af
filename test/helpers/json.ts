/**
 * Parsed JSON of a sandbox or n8n answer, read freely by assertions: a test states the shape it
 * expects with `toEqual`, so a static type would only repeat it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
