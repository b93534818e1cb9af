/**
 * Dropdown lists for the OpenBoxes node (`methods.loadOptions`), sorted by name, with the
 * OpenBoxes ID as the value.
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../shared/dropdowns';
import { trimmed, isObject } from '../../shared/values';
import { dataList } from '../helpers';
import { OPENBOXES_PATHS } from '../paths';
import { openBoxesList, openBoxesRequest } from '../transport';

function option(record: IDataObject, name: string, description?: string): INodePropertyOptions {
	const result: INodePropertyOptions = { name: name || trimmed(record.id), value: trimmed(record.id) };
	if (description) result.description = description;
	return result;
}

/** The type of a location as shown after its name: the type's name, or its code. */
function locationTypeLabel(location: IDataObject): string {
	const type = isObject(location.locationType) ? location.locationType : {};
	return trimmed(type.name) || trimmed(type.locationTypeCode) || trimmed(location.locationTypeCode);
}

function locationTypeCode(location: IDataObject): string {
	const type = isObject(location.locationType) ? location.locationType : {};
	return (trimmed(type.locationTypeCode) || trimmed(location.locationTypeCode)).toUpperCase();
}

function locationOption(location: IDataObject): INodePropertyOptions {
	const type = locationTypeLabel(location);
	const name = trimmed(location.name);
	return option(location, type ? `${name} (${type})` : name, trimmed(location.locationNumber) || undefined);
}

/** Active locations (OpenBoxes lists only those, without bins): "Name (Type)". */
export async function getLocations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const locations = dataList(await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.locations));
	return locations
		.filter((location) => location.active !== false)
		.map(locationOption)
		.sort(byName);
}

/** Supplier locations: "Name". */
export async function getSuppliers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const locations = dataList(await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.locations, { query: { locationTypeCode: 'SUPPLIER' } }));
	return locations
		.filter((location) => location.active !== false && locationTypeCode(location) === 'SUPPLIER')
		.map((location) => option(location, trimmed(location.name), trimmed(location.locationNumber) || undefined))
		.sort(byName);
}

/** Product categories (every one, paged through the generic API): "Name". */
export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categories = await openBoxesList.call(this, OPENBOXES_PATHS.genericCategories, {});
	return categories.map((category) => option(category, trimmed(category.name), trimmed(category.description) || undefined)).sort(byName);
}

/** Location types: "Name", with the type code as the description. */
export async function getLocationTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const types = dataList(await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.locationTypes));
	return types.map((type) => option(type, trimmed(type.name), trimmed(type.locationTypeCode) || undefined)).sort(byName);
}

/** Users: "First Last (username)". */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = dataList(await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.users));
	return users
		.map((user) => {
			const name = [trimmed(user.firstName), trimmed(user.lastName)].filter(Boolean).join(' ') || trimmed(user.name);
			const username = trimmed(user.username);
			return option(user, username ? `${name || username} (${username})` : name, trimmed(user.email) || undefined);
		})
		.sort(byName);
}
