import { APICBASE_DEMO } from './server';

/** A supplier access token from the Apicbase sandbox's token endpoint (client-credentials grant, form body). */
export async function fetchSupplierToken(baseUrl: string): Promise<string> {
	const response = await fetch(`${baseUrl}${APICBASE_DEMO.tokenPath}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: APICBASE_DEMO.supplierClientId,
			client_secret: APICBASE_DEMO.supplierClientSecret,
			scope: APICBASE_DEMO.supplierScope,
		}).toString(),
	});
	const body = (await response.json()) as { access_token?: string };
	if (response.status !== 200 || !body.access_token) throw new Error(`no Apicbase supplier token: ${response.status} ${JSON.stringify(body)}`);
	return body.access_token;
}
