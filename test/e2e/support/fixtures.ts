/** Credentials that point the shipped workflows at the sandboxes, and the workflows themselves. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from '../../helpers/paths';
import { APICBASE_DEMO } from '../../sandbox/apicbase/server';
import { MBX_DEMO } from '../../sandbox/mbx/server';
import { OPENBOXES_DEMO } from '../../sandbox/openboxes/server';
import type { Sandboxes } from '../../sandbox/start';
import type { CredentialImport } from './instance';

/** Ids and names match the credential references in workflows/*.json. */
export const CREDENTIAL_IDS = {
	mbxHmac: 'scMbxHmac',
	openBoxes: 'scOpenBoxes',
	apicbaseSupplier: 'scApicbaseSupplier',
} as const;

export function sandboxCredentials(s: Sandboxes): CredentialImport[] {
	return [
		{
			id: CREDENTIAL_IDS.mbxHmac,
			name: 'MBX account',
			type: 'mbxHmacApi',
			data: { environment: 'custom', customBaseUrl: s.mbx.url, publicToken: MBX_DEMO.publicToken, secretToken: MBX_DEMO.secretToken },
		},
		{
			id: CREDENTIAL_IDS.openBoxes,
			name: 'OpenBoxes account',
			type: 'openBoxesApi',
			data: {
				baseUrl: `${s.openBoxes.url}/openboxes/`,
				username: OPENBOXES_DEMO.username,
				password: OPENBOXES_DEMO.password,
				location: OPENBOXES_DEMO.locationId,
				sessionCookie: '',
			},
		},
		{
			id: CREDENTIAL_IDS.apicbaseSupplier,
			name: 'Apicbase supplier account',
			type: 'apicbaseSupplierApi',
			data: {
				environment: 'custom',
				customBaseUrl: s.apicbase.url,
				clientId: APICBASE_DEMO.supplierClientId,
				clientSecret: APICBASE_DEMO.supplierClientSecret,
				accessToken: '',
			},
		},
	];
}

export const workflowsDir = path.join(repoRoot, 'workflows');

export function loadWorkflow(file: string): Record<string, unknown> & { id: string; name: string } {
	return JSON.parse(readFileSync(path.join(workflowsDir, file), 'utf8'));
}

export function workflowFiles(): string[] {
	return readdirSync(workflowsDir).filter((file) => file.endsWith('.json')).sort();
}
