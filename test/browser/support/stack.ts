/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code, never published: n8n's rules for node code do not apply */
/**
 * Everything the browser suite drives: the three sandboxes, a real n8n with the packed package
 * installed, one credential of every type the package defines (pointed at the sandboxes), the
 * shipped workflows imported, and an owner to sign in as.
 */
import type { INodeTypeDescription } from 'n8n-workflow';

import { APICBASE_DEMO } from '../../sandbox/apicbase/server';
import { MBX_DEMO } from '../../sandbox/mbx/server';
import { OPENBOXES_DEMO } from '../../sandbox/openboxes/server';
import { startSandboxes, type Sandboxes } from '../../sandbox/start';
import { loadWorkflow, sandboxCredentials, workflowFiles } from '../../e2e/support/fixtures';
import { N8nInstance, type CredentialImport } from '../../e2e/support/instance';
import { packPackage } from '../../e2e/support/package';
import { N8nRest } from '../../e2e/support/rest';
import { ensureN8nRuntime } from '../../e2e/support/runtime';
import { ensureChromium, PACKAGE_PREFIX } from './editor';

export const MBX_WEBHOOK_SECRET = { headerName: 'X-MBX-Webhook-Secret', secret: 'browser-shared-webhook-value' };
export const OPENBOXES_WEBHOOK_SECRET = { headerName: 'X-OpenBoxes-Webhook-Secret', secret: 'browser-openboxes-webhook-value' };

export interface Stack {
	sandboxes: Sandboxes;
	n8n: N8nInstance;
	baseUrl: string;
	/** This package's node descriptions as n8n serves them to the editor, by type without prefix. */
	nodeTypes: Map<string, INodeTypeDescription>;
	/** The credential names the editor offers, by credential type. */
	credentialNames: Record<string, string>;
	stop(): Promise<void>;
}

function everyCredential(sandboxes: Sandboxes): CredentialImport[] {
	const mbxSite = { environment: 'custom', customBaseUrl: sandboxes.mbx.url };
	const apicbaseSite = { environment: 'custom', customBaseUrl: sandboxes.apicbase.url };
	return [
		...sandboxCredentials(sandboxes),
		{ id: 'scMbxOAuth2', name: 'MBX OAuth2 account', type: 'mbxOAuth2Api', data: { ...mbxSite, clientId: MBX_DEMO.clientId, clientSecret: MBX_DEMO.clientSecret } },
		{ id: 'scMbxWebhook', name: 'MBX webhook secret', type: 'mbxWebhookApi', data: MBX_WEBHOOK_SECRET },
		{ id: 'scOpenBoxesWebhook', name: 'OpenBoxes webhook secret', type: 'openBoxesWebhookApi', data: OPENBOXES_WEBHOOK_SECRET },
		{
			id: 'scOpenBoxesKey',
			name: 'OpenBoxes API key',
			type: 'openBoxesApiKeyApi',
			data: { baseUrl: `${sandboxes.openBoxes.url}/openboxes`, apiKey: OPENBOXES_DEMO.apiKey, headerName: 'X-API-Key', location: OPENBOXES_DEMO.locationId, requestBudget: 'none' },
		},
		{
			id: 'scApicbaseOAuth2',
			name: 'Apicbase OAuth2 account',
			type: 'apicbaseOAuth2Api',
			data: { ...apicbaseSite, clientId: APICBASE_DEMO.customerClientId, clientSecret: APICBASE_DEMO.customerClientSecret, scopes: ['accounts', 'inventory', 'procurement'] },
		},
		{
			id: 'scApicbaseToken',
			name: 'Apicbase kitchen token',
			type: 'apicbaseAccessTokenApi',
			data: { ...apicbaseSite, accessToken: sandboxes.apicbase.issueAccessToken(['accounts', 'inventory', 'procurement']) },
		},
		{ id: 'scApicbaseWebhook', name: 'Apicbase webhook secret', type: 'apicbaseWebhookApi', data: { secret: 'browser-apicbase-webhook-key' } },
	];
}

export async function startStack(port: number, log: (line: string) => void = () => undefined): Promise<Stack> {
	// Before anything starts: a missing Chromium is installed (as root) or named, not found after minutes.
	ensureChromium();
	const sandboxes = await startSandboxes({ mbx: 0, openBoxes: 0, apicbase: 0 });
	const n8n = new N8nInstance(await ensureN8nRuntime(log), { port });
	log('Installing the packed package into n8n...');
	await n8n.installPackage(packPackage());
	const credentials = everyCredential(sandboxes);
	await n8n.importCredentials(credentials);
	await n8n.importWorkflows(workflowFiles().map(loadWorkflow));
	const baseUrl = await n8n.start();
	let served: INodeTypeDescription[];
	try {
		const rest = new N8nRest(baseUrl);
		await rest.setupOwner();
		served = (await rest.get('/types/nodes.json')) as INodeTypeDescription[];
		if (!Array.isArray(served)) throw new Error(`/types/nodes.json answered ${JSON.stringify(served).slice(0, 300)}`);
	} catch (error) {
		await n8n.stop();
		await sandboxes.stop();
		throw error;
	}
	const nodeTypes = new Map(
		// n8n also serves an AI-tool twin ("…Tool") of every node usable as a tool; the editor tests the nodes.
		served.filter((type) => type.name.startsWith(PACKAGE_PREFIX) && !type.name.endsWith('Tool')).map((type) => [type.name.slice(PACKAGE_PREFIX.length), type]),
	);
	return {
		sandboxes,
		n8n,
		baseUrl,
		nodeTypes,
		credentialNames: Object.fromEntries(credentials.map((credential) => [credential.type, credential.name])),
		async stop() {
			await n8n.stop();
			await sandboxes.stop();
		},
	};
}
