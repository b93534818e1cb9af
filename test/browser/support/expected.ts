/**
 * What the editor must show, derived from the node descriptions n8n itself serves
 * (`/types/nodes.json`, after n8n added its own options) with n8n-workflow's display rules, so a
 * new field is covered without a new test.
 */
import { NodeHelpers, type INode, type INodeParameters, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

export const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

export interface ExpectedParameter {
	name: string;
	displayName: string;
	type: INodeProperties['type'];
}

/**
 * The field that picks between credentials. n8n's editor shows it as the credential picker's
 * choice instead of as a parameter, so the test checks it through the credential picker.
 */
export function mainAuthField(description: INodeTypeDescription): INodeProperties | undefined {
	const keys = new Set((description.credentials ?? []).flatMap((credential) => Object.keys(credential.displayOptions?.show ?? {})));
	return description.properties.find((property) => property.name === 'authentication' && keys.has('authentication'));
}

/** The top-level parameters n8n displays for these values (the rest at their defaults). */
export function expectedParameters(description: INodeTypeDescription, values: INodeParameters): ExpectedParameter[] {
	const node: INode = { id: 'x', name: 'x', type: description.name, typeVersion: 1, position: [0, 0], parameters: values };
	const resolved = NodeHelpers.getNodeParameters(description.properties, values, true, false, node, description) ?? {};
	const authField = mainAuthField(description)?.name;
	const shown = description.properties.filter(
		(property) =>
			property.type !== 'hidden' &&
			property.name !== authField &&
			NodeHelpers.displayParameter(resolved, property, node, description),
	);
	// n8n lists a parameter name once even when several definitions share it; the first shown wins.
	const seen = new Set<string>();
	const expected = shown
		.filter((property) => (seen.has(property.name) ? false : (seen.add(property.name), true)))
		.map(({ name, displayName, type }) => ({ name, displayName, type }));
	// Polling triggers get n8n's Poll Times in front of their own fields.
	if (description.polling) expected.unshift({ name: 'pollTimes', displayName: 'Poll Times', type: 'fixedCollection' });
	return expected;
}

type Option = { name: string; value: string };

function optionsOf(description: INodeTypeDescription, name: string, values: INodeParameters): Option[] {
	const node: INode = { id: 'x', name: 'x', type: description.name, typeVersion: 1, position: [0, 0], parameters: values };
	const property = description.properties.find(
		(candidate) => candidate.name === name && NodeHelpers.displayParameter(values, candidate, node, description),
	);
	return ((property?.options ?? []) as Option[]).filter((option) => option.value !== CUSTOM_API_CALL);
}

export interface ResourceOperation {
	resource: Option;
	operation: Option;
}

/** Every resource/operation pair of an action node, n8n's own Custom API Call left out. */
export function resourceOperations(description: INodeTypeDescription): ResourceOperation[] {
	return optionsOf(description, 'resource', {}).flatMap((resource) =>
		optionsOf(description, 'operation', { resource: resource.value }).map((operation) => ({ resource, operation })),
	);
}

export interface TriggerChoice {
	parameter: string;
	option: Option;
	/** Values to set first so that the parameter is shown at all (e.g. the event a direction belongs to). */
	needs: Record<string, string>;
}

/** Every choice of every top-level dropdown a trigger has (its ways of starting and its events). */
export function triggerChoices(description: INodeTypeDescription): TriggerChoice[] {
	const node: INode = { id: 'x', name: 'x', type: description.name, typeVersion: 1, position: [0, 0], parameters: {} };
	const dropdowns = description.properties.filter((property) => property.type === 'options' && property.name !== mainAuthField(description)?.name);
	const shownWith = (property: INodeProperties, values: INodeParameters) =>
		NodeHelpers.displayParameter(NodeHelpers.getNodeParameters(description.properties, values, true, false, node, description) ?? {}, property, node, description);
	return dropdowns.flatMap((property) => {
		// Shown by default, or after one other dropdown is set to one of its values.
		const needs = shownWith(property, {})
			? {}
			: dropdowns
					.flatMap((other) => ((other.options ?? []) as Option[]).map((option) => ({ [other.name]: option.value })))
					.find((values) => shownWith(property, values));
		if (!needs) throw new Error(`${description.name}: no single choice shows ${property.name}`);
		return ((property.options ?? []) as Option[]).map((option) => ({ parameter: property.name, option, needs }));
	});
}
