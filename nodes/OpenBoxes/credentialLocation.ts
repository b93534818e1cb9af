/**
 * The location set in the OpenBoxes credential: the default origin, destination and facility of
 * every operation whose location field is left empty.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { fieldError, stringParameter } from '../shared/parameters';
import { openBoxesLocationId } from './transport';

/** The location ID set in the credential; refused (naming the credential field) when empty. */
export async function credentialLocation(context: IExecuteFunctions, label: string, itemIndex: number): Promise<string> {
	const location = await openBoxesLocationId(context);
	if (location === '') {
		throw fieldError(
			context,
			`${label} is empty and the credential has no Location ID to use instead`,
			label,
			itemIndex,
			`Pick a location in "${label}", or fill in "Location ID" in the OpenBoxes credential.`,
		);
	}
	return location;
}

/** A location picker's value, or the credential's location when it was left empty. */
export async function locationOrCredential(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): Promise<string> {
	const value = stringParameter(context, name, itemIndex);
	return value !== '' ? value : await credentialLocation(context, label, itemIndex);
}
