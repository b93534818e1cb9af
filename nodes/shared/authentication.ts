/**
 * A node's Authentication field and the credentials it switches between, written once per vendor
 * as a list of choices: the field, the node's credential list and the reading of the choice all
 * come from that list, so they cannot disagree.
 */
import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeCredentialDescription,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';

export interface AuthenticationChoice<Credential extends string = string> {
	/** What the builder sees in the Authentication field. */
	name: string;
	value: string;
	credential: Credential;
}

/** The Authentication field; the first choice is the default. It must depend on no other field: n8n's editor hides those. */
export function authenticationProperty(choices: readonly AuthenticationChoice[], description?: string): INodeProperties {
	const defaultValue = choices[0].value;
	const property: INodeProperties = {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: choices.map(({ name, value }) => ({ name, value })),
		default: defaultValue,
	};
	return description ? { ...property, description } : property;
}

/** The node's credential list: each credential shown for its choice. */
export function authenticationCredentials(choices: readonly AuthenticationChoice[]): INodeCredentialDescription[] {
	return choices.map(({ value, credential }) => ({ name: credential, required: true, displayOptions: { show: { authentication: [value] } } }));
}

/** The credential the node is set to use (the first choice when the field is missing). */
export function chosenCredential<Credential extends string>(
	context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	choices: readonly AuthenticationChoice<Credential>[],
): Credential {
	// Execute contexts take an item index; poll and load-options contexts do not.
	const read = (...args: unknown[]) => (context.getNodeParameter as (...a: unknown[]) => unknown).apply(context, args);
	const fallback = choices[0].value;
	const value = 'getInputData' in context ? read('authentication', 0, fallback) : read('authentication', fallback);
	return (choices.find((choice) => choice.value === value) ?? choices[0]).credential;
}
