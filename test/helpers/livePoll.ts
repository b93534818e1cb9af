/**
 * A polling trigger's poll() run the way n8n runs it while a workflow is active, against a sandbox
 * over real HTTP (test/helpers/liveContext.ts): its static data kept between polls, its parameters
 * read with poll-context signatures (`getNodeParameter(name, fallback)`), and what each poll emits
 * returned as the items' JSON.
 */
import type { ICredentialType, IDataObject, INodeType, IPollFunctions } from 'n8n-workflow';

import { liveExecuteFunctions } from './liveContext';

export interface LivePollOptions {
	parameters: IDataObject;
	/** The credential data by type; preAuthentication output (a session, a token) is kept in it. */
	credentials: Record<string, IDataObject>;
	credentialTypes: Record<string, ICredentialType>;
	mode?: 'trigger' | 'manual';
	/** What n8n's getPollBudgetMs() answers (n8n 2.41: the poll timeout less a margin); left out, as n8n before 2.41. */
	pollBudgetMs?: number;
}

export function livePoller(trigger: INodeType, options: LivePollOptions) {
	const staticData: IDataObject = {};
	const { context } = liveExecuteFunctions({ parameters: {}, credentials: options.credentials, credentialTypes: options.credentialTypes });
	const poll = context as unknown as Record<string, unknown>;
	delete poll.getInputData;
	Object.assign(poll, {
		getMode: () => options.mode ?? 'trigger',
		getNodeParameter: (name: string, fallback?: unknown) => options.parameters[name] ?? fallback,
		getWorkflowStaticData: () => staticData,
		...(options.pollBudgetMs !== undefined ? { getPollBudgetMs: () => options.pollBudgetMs } : {}),
	});
	if (typeof trigger.poll !== 'function') throw new Error(`${trigger.description.name} does not poll`);
	const run = trigger.poll;
	return {
		staticData,
		/** One poll; the JSON of the items it emitted (none: []). */
		async poll(): Promise<IDataObject[]> {
			const result = await run.call(context as unknown as IPollFunctions);
			return (result ?? [[]])[0].map((item) => item.json);
		},
	};
}
