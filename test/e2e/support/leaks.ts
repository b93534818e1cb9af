/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * No secret a test used may end up where n8n writes: every e2e file that runs n8n ends by
 * searching everything its instances wrote for every secret of the sandboxes and of the imported
 * credentials. n8n runs with N8N_LOG_LEVEL=debug (instance.ts), so this covers the server logs,
 * every CLI run's output (the executions printed by `n8n execute`, their errors), n8n's event log,
 * binary data and the database: the SQLite file and its -wal as bytes, and every row of every
 * table as text (a long value is split over SQLite's overflow pages, so bytes alone could miss
 * it); in queue mode every row of the PostgreSQL database. Credentials are stored encrypted by
 * n8n, and the files they were imported from are deleted at once, so nothing is exempt.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { SandboxSecret } from '../../sandbox/common/server';
import type { Sandboxes } from '../../sandbox/start';
import type { CredentialImport, N8nInstance } from './instance';
import type { PostgresService } from './services';

export type Secret = SandboxSecret;

/** Shorter values would be found by chance; none of the tests' secrets is that short. */
export const MIN_SECRET_LENGTH = 8;

/** The credential fields that hold secrets (the ones n8n masks), in ours and in n8n's OAuth2 and SMTP. */
const SECRET_FIELDS = new Set(['secretToken', 'password', 'clientSecret', 'accessToken', 'refreshToken', 'sessionCookie', 'apiKey', 'secret']);

/** Folders n8n fills with code before any secret exists: the installed package, the editor's files. */
const SKIPPED = [`${path.sep}node_modules`, path.join('.cache', 'n8n', 'public')];

/** Every secret the three sandboxes know or have issued so far (see SandboxServer.secretsIssued). */
export function sandboxSecrets(s: Sandboxes): Secret[] {
	return [s.mbx, s.openBoxes, s.apicbase].flatMap((sandbox) => sandbox.secretsIssued());
}

/** The secret fields of imported credentials, named by credential id and field. */
export function credentialSecrets(credentials: CredentialImport[]): Secret[] {
	return credentials.flatMap((credential) =>
		Object.entries(credential.data)
			.filter((entry): entry is [string, string] => SECRET_FIELDS.has(entry[0]) && typeof entry[1] === 'string')
			.map(([field, value]) => ({ source: `credential ${credential.id} field ${field}`, value })),
	);
}

/** How a secret may be written: as is, escaped for URLs, forms and JSON, or inside base64 at any byte offset. */
export function secretForms(value: string): Array<{ form: string; text: string }> {
	const forms: Array<{ form: string; text: string }> = [];
	const add = (form: string, text: string) => {
		if (!forms.some((f) => f.text === text)) forms.push({ form, text });
	};
	add('as is', value);
	add('URL-encoded', encodeURIComponent(value));
	add('form-encoded', new URLSearchParams({ v: value }).toString().slice(2));
	add('JSON-escaped', JSON.stringify(value).slice(1, -1));
	const bytes = Buffer.from(value, 'utf8');
	for (const shift of [0, 1, 2]) {
		// Only the characters made of the secret's bits alone; those at either end mix in their neighbours'.
		const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
		const inner = encoded.slice(Math.ceil((shift * 8) / 6), Math.floor(((shift + bytes.length) * 8) / 6));
		add('base64', inner);
		add('base64url', inner.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return forms;
}

interface Needle {
	sources: string[];
	form: string;
	bytes: Buffer;
}

function needlesFor(secrets: Secret[]): Needle[] {
	const byValue = new Map<string, string[]>();
	for (const { source, value } of secrets) {
		if (value.length < MIN_SECRET_LENGTH) continue;
		byValue.set(value, [...(byValue.get(value) ?? []), source]);
	}
	return [...byValue].flatMap(([value, sources]) =>
		secretForms(value).map(({ form, text }) => ({ sources: [...new Set(sources)], form, bytes: Buffer.from(text, 'utf8') })),
	);
}

function filesUnder(folder: string): string[] {
	const files: string[] = [];
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const full = path.join(folder, entry.name);
		if (entry.isDirectory() && !SKIPPED.some((skip) => full.endsWith(skip))) files.push(...filesUnder(full));
		else if (entry.isFile()) files.push(full);
	}
	return files;
}

/** Every row of every table of an SQLite database, one JSON line each (node:sqlite of n8n's own Node 24). */
function sqliteRows(instance: N8nInstance, file: string): Buffer {
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(process.argv[1], { readOnly: true });
		const text = (key, value) => typeof value === 'bigint' ? String(value) : value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value;
		for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()) {
			for (const row of db.prepare('SELECT * FROM "' + name.replace(/"/g, '""') + '"').iterate()) process.stdout.write(name + ' ' + JSON.stringify(row, text) + '\\n');
		}`;
	return execFileSync(instance.runtime.nodeBin, ['--no-warnings', '-e', script, file], { maxBuffer: 1024 ** 3 });
}

async function postgresRows(postgres: PostgresService): Promise<Buffer> {
	const tables = await postgres.query("SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')");
	const lines: string[] = [];
	for (const [schema, table] of tables) {
		const rows = await postgres.query(`SELECT row_to_json(t)::text FROM "${schema}"."${table}" t`);
		for (const [row] of rows) lines.push(`${schema}.${table} ${row}`);
	}
	return Buffer.from(lines.join('\n'), 'utf8');
}

/** A few characters either side of a hit, with every secret (in any form) replaced by [secret]. */
function redactedContext(content: Buffer, at: number, length: number, needles: Needle[]): string {
	let text = content.subarray(Math.max(0, at - 50), at + length + 50).toString('latin1');
	for (const needle of needles) text = text.split(needle.bytes.toString('latin1')).join('[secret]');
	return text.replace(/[^\x20-\x7e]/g, '·');
}

export interface LeakReport {
	/** One line per secret form and place it was found: the secret's source, never the secret. */
	leaks: string[];
	/** What was searched: files relative to their user folder, and the database dumps. */
	searched: string[];
	/** How many distinct secrets were searched for. */
	secrets: number;
}

/** Searches every file the instances wrote, and their databases row by row, for each secret. */
export async function findSecretLeaks(instances: N8nInstance[], secrets: Secret[], options: { postgres?: PostgresService } = {}): Promise<LeakReport> {
	const needles = needlesFor([...secrets, ...instances.flatMap((instance) => credentialSecrets(instance.importedCredentials))]);
	const leaks: string[] = [];
	const searched: string[] = [];
	const search = (name: string, content: Buffer) => {
		searched.push(name);
		for (const needle of needles) {
			const at = content.indexOf(needle.bytes);
			if (at === -1) continue;
			let count = 0;
			for (let i = at; i !== -1; i = content.indexOf(needle.bytes, i + 1)) count++;
			leaks.push(`${needle.sources.join(' = ')} (${needle.form}) in ${name}, ${count}×, first: …${redactedContext(content, at, needle.bytes.length, needles)}…`);
		}
	};
	for (const [index, instance] of instances.entries()) {
		const label = instances.length > 1 ? `instance ${index + 1}: ` : '';
		for (const file of filesUnder(instance.userFolder)) {
			const name = label + path.relative(instance.userFolder, file);
			search(name, readFileSync(file));
			if (file.endsWith('.sqlite')) search(`${name} (every row)`, sqliteRows(instance, file));
		}
	}
	if (options.postgres) search(`PostgreSQL database ${options.postgres.database} (every row)`, await postgresRows(options.postgres));
	return { leaks, searched, secrets: new Set(needles.map((n) => n.sources.join())).size };
}

/**
 * Fails, naming each secret's source, the place and a redacted context, when any secret of the
 * sandboxes (pass sandboxSecrets) or of the instances' imported credentials is found anywhere the
 * instances wrote; also fails when there was no database or log to search.
 */
export async function expectNoSecretsLeaked(instances: N8nInstance | N8nInstance[], secrets: Secret[], options: { postgres?: PostgresService } = {}): Promise<LeakReport> {
	const report = await findSecretLeaks(Array.isArray(instances) ? instances : [instances], secrets, options);
	const missing = [
		report.searched.some((name) => name.endsWith('(every row)')) ? undefined : 'a database',
		report.searched.some((name) => name.endsWith('.log')) ? undefined : 'a log',
		report.secrets > 0 ? undefined : 'a secret to look for',
	].filter(Boolean);
	if (missing.length) throw new Error(`The leak check had no ${missing.join(', no ')}; searched: ${report.searched.join(', ')}`);
	if (report.leaks.length) {
		throw new Error(`${report.leaks.length} secret form(s) found where n8n writes (of ${report.secrets} secrets searched for):\n${report.leaks.join('\n')}`);
	}
	return report;
}
