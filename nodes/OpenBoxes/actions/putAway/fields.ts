/**
 * What the put-away operations share. OpenBoxes writes put-aways and their items with dotted keys
 * (`"product.id"`, `"putawayLocation.id"`); like the OpenBoxes web app, the node turns them into
 * nested objects (`product: { id }`) on the way out and sends nested objects back.
 */
import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { ID_PLACEHOLDER } from '../../pickers';
import { isObject } from '../../../shared/values';

/**
 * The put-away to act on, as text: OpenBoxes' API has no list of saved put-aways (GET /putaways
 * lists stock waiting to be put away), so there is nothing to pick from and no record locator.
 */
export function putAwayIdField(show: IDisplayOptions['show'], description: string): INodeProperties {
	return {
		displayName: 'Put-Away ID',
		name: 'putAwayId',
		type: 'string',
		default: '',
		required: true,
		placeholder: ID_PLACEHOLDER,
		description,
		hint: 'The "id" that Put-Away Create returns, also the long code that ends the put-away’s address in OpenBoxes (…/putAway/create/…); it is not the put-away number',
		displayOptions: { show },
	};
}

export const putAwayBinField: INodeProperties = {
	displayName: 'Put-Away Bin ID',
	name: 'putAwayBinId',
	type: 'string',
	default: '',
	placeholder: ID_PLACEHOLDER,
};

/**
 * `{"product.id": "p1", "product.name": "X"}` → `{ product: { id: "p1", name: "X" } }`, in depth
 * and through lists. A dotted key that would clash with a plain value of the same name is kept as
 * it is, so nothing is lost.
 */
export function nestDottedKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(nestDottedKeys);
	if (!isObject(value)) return value;
	const result: IDataObject = {};
	const dotted: Array<[string, unknown]> = [];
	for (const [key, raw] of Object.entries(value)) {
		if (key.includes('.')) dotted.push([key, raw]);
		else result[key] = nestDottedKeys(raw) as IDataObject;
	}
	for (const [key, raw] of dotted) {
		const path = key.split('.');
		let target: IDataObject = result;
		let clash = false;
		for (const part of path.slice(0, -1)) {
			const next = target[part];
			if (next === undefined || next === null) target[part] = {};
			else if (!isObject(next)) {
				clash = true;
				break;
			}
			target = target[part] as IDataObject;
		}
		if (clash) result[key] = nestDottedKeys(raw) as IDataObject;
		else target[path[path.length - 1]] = nestDottedKeys(raw) as IDataObject;
	}
	return result;
}

export function nested(record: IDataObject): IDataObject {
	return nestDottedKeys(record) as IDataObject;
}

/** The ID inside a nested reference such as `putawayLocation: { id }`, '' when there is none. */
export function referenceId(record: IDataObject, key: string): string {
	const reference = record[key];
	const id = isObject(reference) ? reference.id : undefined;
	return id === undefined || id === null ? '' : String(id).trim();
}

/** How a put-away item is named in messages: its product code and name when known. */
export function itemLabel(item: IDataObject, index: number): string {
	const product = isObject(item.product) ? item.product : {};
	const name = [product.productCode, product.name].filter((part) => part !== undefined && part !== null && part !== '').join(' ');
	return name ? `item ${index + 1} (${name})` : `item ${index + 1}`;
}
