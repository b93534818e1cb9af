/**
 * Dropdown lists for the MBX node (`methods.loadOptions`): every record of a small MBX list,
 * sorted by name, with the MBX ID as the value.
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { mbxList } from '../transport';
import { MBX_PATHS } from '../paths';
import { trimmed } from '../../shared/values';
import { byName } from '../../shared/dropdowns';

function toOption(record: IDataObject, name: string, description?: string): INodePropertyOptions {
	const option: INodePropertyOptions = { name: name || `#${trimmed(record.id)}`, value: record.id as number };
	if (description) option.description = description;
	return option;
}

/** Shipping methods: "<name>", with the carrier as the description. */
export async function getShipMethods(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const records = await mbxList.call(this, MBX_PATHS.shipMethods, {});
	return records
		.map((record) => toOption(record, trimmed(record.name), trimmed(record.carrier) || trimmed(record.description)))
		.sort(byName);
}

/** Countries: "Canada (CA)", value the MBX country ID. */
export async function getCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const records = await mbxList.call(this, MBX_PATHS.countries, {});
	return records
		.map((record) => {
			const iso = trimmed(record.iso_code);
			return toOption(record, iso ? `${trimmed(record.name)} (${iso})` : trimmed(record.name));
		})
		.sort(byName);
}

/** Forge task types: "<name>", with their description. */
export async function getAutomationTaskTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const records = await mbxList.call(this, MBX_PATHS.automationTaskTypes, {});
	return records.map((record) => toOption(record, trimmed(record.name), trimmed(record.description))).sort(byName);
}
