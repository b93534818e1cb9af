/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * The leak check every e2e file ends with (support/leaks.ts) really finds a secret: in a real n8n
 * user folder (a credential imported through the CLI at debug level, so a real database and CLI
 * log), secrets planted in a log, in base64, in a database row and in the installed package.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { N8nInstance } from './support/instance';
import { expectNoSecretsLeaked, findSecretLeaks, secretForms } from './support/leaks';
import { ensureN8nRuntime } from './support/runtime';

jest.setTimeout(5 * 60 * 1000);

const SECRET = 'planted-secret-4f9c2e7a';
const PLANTED = [{ source: 'the planted secret', value: SECRET }];
let n8n: N8nInstance;

beforeAll(async () => {
	n8n = new N8nInstance(await ensureN8nRuntime(), { port: 5703 });
	await n8n.importCredentials([
		{ id: 'leakCheck', name: 'Leak check credential', type: 'mbxWebhookApi', data: { headerName: 'X-Leak-Check', secret: 'credential-secret-8d1b' } },
	]);
});

afterAll(() => rmSync(n8n.userFolder, { recursive: true, force: true }));

it('passes on a real n8n folder: the credential is stored encrypted and its import file is gone', async () => {
	expect(readdirSync(n8n.userFolder).filter((name) => name.startsWith('credentials-'))).toEqual([]);
	const report = await expectNoSecretsLeaked(n8n, PLANTED);
	expect(report.secrets).toBe(2);
	expect(report.searched).toEqual(expect.arrayContaining(['.n8n/database.sqlite', '.n8n/database.sqlite (every row)', 'cli-logs/001-import-credentials.stdout.log']));
	// The rows are really read: the credential's name (not a secret) is found in its row, its data encrypted (n8n's AES: "Salted__").
	const { leaks } = await findSecretLeaks([n8n], [{ source: 'the credential name', value: 'Leak check credential' }]);
	expect(leaks).toContainEqual(expect.stringMatching(/^the credential name \(as is\) in \.n8n\/database\.sqlite \(every row\), 1×, first: .*credentials_entity \{"id":"leakCheck","name":"\[secret\]","data":"U2FsdGVkX1/));
});

it('fails on a secret in a CLI log, naming its source and the file but never showing it', async () => {
	const log = path.join(n8n.cliLogDir, '001-import-credentials.stdout.log');
	appendFileSync(log, `debug: sending {"secret":"${SECRET}","next":"credential-secret-8d1b"}\n`);
	const failure = await expectNoSecretsLeaked(n8n, PLANTED).then(() => '', (error: Error) => error.message);
	expect(failure).toContain('the planted secret (as is) in cli-logs/001-import-credentials.stdout.log, 1×');
	// A credential's secret is looked for without being passed: the instance knows what it imported.
	expect(failure).toContain('credential leakCheck field secret (as is) in cli-logs/001-import-credentials.stdout.log');
	expect(failure).toContain('{"secret":"[secret]","next":"[secret]"}');
	for (const { text } of secretForms(SECRET)) expect(failure).not.toContain(text);
	expect(failure).not.toContain('credential-secret-8d1b');
	writeFileSync(log, '');
});

it('finds a secret in base64 at any offset (Basic auth), URL-encoded, and in a database row', async () => {
	for (const prefix of ['', 'a', 'ab']) {
		writeFileSync(path.join(n8n.userFolder, 'n8n-server.log'), `Authorization: Basic ${Buffer.from(`${prefix}client:${SECRET}`).toString('base64')}\n`);
		const { leaks } = await findSecretLeaks([n8n], PLANTED);
		expect(leaks).toEqual([expect.stringMatching(/^the planted secret \(base64\) in n8n-server\.log, 1×/)]);
	}
	writeFileSync(path.join(n8n.userFolder, 'n8n-server.log'), `GET /callback?token=${encodeURIComponent(`${SECRET}/+=`)}\n`);
	const urlForm = await findSecretLeaks([n8n], [{ source: 'the planted secret', value: `${SECRET}/+=` }]);
	expect(urlForm.leaks).toEqual([expect.stringMatching(/^the planted secret \(URL-encoded\) in n8n-server\.log/)]);
	rmSync(path.join(n8n.userFolder, 'n8n-server.log'));

	// A value far longer than a page: SQLite splits it over overflow pages; the row dump reads it whole.
	const database = path.join(n8n.userFolder, '.n8n', 'planted.sqlite');
	const script = `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(process.argv[1]);
		db.exec('CREATE TABLE t (v TEXT)'); db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100000) + process.argv[2]);`;
	execFileSync(n8n.runtime.nodeBin, ['--no-warnings', '-e', script, database, SECRET]);
	const { leaks } = await findSecretLeaks([n8n], PLANTED);
	expect(leaks).toContainEqual(expect.stringMatching(/^the planted secret \(as is\) in \.n8n\/planted\.sqlite \(every row\), 1×/));
	rmSync(database);
});

it('skips the installed package, and checks only secrets of 8 characters or more', async () => {
	const installed = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', 'some-package');
	mkdirSync(installed, { recursive: true });
	writeFileSync(path.join(installed, 'index.js'), `// ${SECRET}\n`);
	appendFileSync(path.join(n8n.cliLogDir, '001-import-credentials.stdout.log'), 'short1\n');
	await expectNoSecretsLeaked(n8n, [...PLANTED, { source: 'short', value: 'short1' }]);
});
