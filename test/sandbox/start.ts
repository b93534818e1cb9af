/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- test code, never published: n8n's rules for node code do not apply */
/**
 * Starts the three vendor sandboxes. `npm run sandbox` runs this file and prints the URLs and the
 * demo credentials; the demo and the end-to-end tests import startSandboxes().
 */
import { APICBASE_DEMO, ApicbaseSandbox } from './apicbase/server';
import { MBX_DEMO, MbxSandbox } from './mbx/server';
import { OPENBOXES_DEMO, OpenBoxesSandbox, type OpenBoxesSandboxOptions } from './openboxes/server';

export const DEFAULT_PORTS = { mbx: 4010, openBoxes: 4020, apicbase: 4030 };

export interface Sandboxes {
	mbx: MbxSandbox;
	openBoxes: OpenBoxesSandbox;
	apicbase: ApicbaseSandbox;
	stop(): Promise<void>;
}

/** Port 0 picks free ports (tests); the defaults are the documented ones (demo, by hand). */
export async function startSandboxes(
	ports: { mbx: number; openBoxes: number; apicbase: number } = DEFAULT_PORTS,
	options: { openBoxes?: Partial<OpenBoxesSandboxOptions> } = {},
): Promise<Sandboxes> {
	const mbx = new MbxSandbox();
	const openBoxes = new OpenBoxesSandbox(options.openBoxes);
	const apicbase = new ApicbaseSandbox();
	await mbx.start(ports.mbx);
	await openBoxes.start(ports.openBoxes);
	await apicbase.start(ports.apicbase);
	return {
		mbx,
		openBoxes,
		apicbase,
		async stop() {
			await Promise.all([mbx.stop(), openBoxes.stop(), apicbase.stop()]);
		},
	};
}

export function describeSandboxes(s: Sandboxes): string {
	return [
		`MBX        ${s.mbx.url}`,
		`           HMAC public token "${MBX_DEMO.publicToken}", secret token "${MBX_DEMO.secretToken}"`,
		`           OAuth2 client "${MBX_DEMO.clientId}" / "${MBX_DEMO.clientSecret}"`,
		`OpenBoxes  ${s.openBoxes.url}/openboxes`,
		`           user "${OPENBOXES_DEMO.username}" / "${OPENBOXES_DEMO.password}", location ID "${OPENBOXES_DEMO.locationId}" (${OPENBOXES_DEMO.locationName})`,
		`Apicbase   ${s.apicbase.url}`,
		`           supplier client "${APICBASE_DEMO.supplierClientId}" / "${APICBASE_DEMO.supplierClientSecret}"`,
		`           webhook secret: the supplier client secret`,
		'',
		'Control API on each: GET /__sandbox/requests, POST /__sandbox/faults, POST /__sandbox/config, POST /__sandbox/reset',
		'MBX and OpenBoxes also: POST /__sandbox/clock {"at": <ISO time> | null} stops the clock records are stamped with',
		'MBX also: POST /__sandbox/orders/<id>/advance (Pending → Released → Shipped, fires webhooks),',
		'          POST /__sandbox/webhooks {"url","headers"} to subscribe, GET /__sandbox/webhooks/deliveries',
		'OpenBoxes also: POST /__sandbox/config {"webhookUrl","webhookHeaders"} (openboxes.webhook.endpoint.*),',
		'          POST /__sandbox/enableWebhooks {"locationId"}; shipping then posts shipment.shipped; GET /__sandbox/webhookDeliveries',
		'Apicbase also: POST /__sandbox/webhook {"url","encoding":"python"|"compact","tamper"} sends a signed order',
	].join('\n');
}

if (require.main === module) {
	startSandboxes()
		.then((sandboxes) => {
			console.log(`Vendor sandboxes are running (Ctrl+C to stop):\n\n${describeSandboxes(sandboxes)}`);
			const stop = () => void sandboxes.stop().then(() => process.exit(0));
			process.on('SIGINT', stop);
			process.on('SIGTERM', stop);
		})
		.catch((error: Error) => {
			console.error(`Could not start the sandboxes: ${error.message}`);
			process.exit(1);
		});
}
