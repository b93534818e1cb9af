/**
 * Dropdown lists for the OpenBoxes node (`methods.loadOptions`), sorted by name, with the
 * OpenBoxes ID as the value.
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { openBoxesList, openBoxesRequest } from '../transport';
import { displayText, isObject } from '../../shared/values';



function dataList(response: unknown): IDataObject[] {
	const data = isObject(response) ? response.data : undefined;
	return Array.isArray(data) ? data.filter(isObject) : [];
}

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }) || String(a.value).localeCompare(String(b.value));
}

function option(record: IDataObject, name: string, description?: string): INodePropertyOptions {
	const result: INodePropertyOptions = { name: name || displayText(record.id), value: displayText(record.id) };
	if (description) result.description = description;
	return result;
}

/** The type of a location as shown after its name: the type's name, or its code. */
function locationTypeLabel(location: IDataObject): string {
	const type = isObject(location.locationType) ? location.locationType : {};
	return displayText(type.name) || displayText(type.locationTypeCode) || displayText(location.locationTypeCode);
}

function locationTypeCode(location: IDataObject): string {
	const type = isObject(location.locationType) ? location.locationType : {};
	return (displayText(type.locationTypeCode) || displayText(location.locationTypeCode)).toUpperCase();
}

function locationOption(location: IDataObject): INodePropertyOptions {
	const type = locationTypeLabel(location);
	const name = displayText(location.name);
	return option(location, type ? `${name} (${type})` : name, displayText(location.locationNumber) || undefined);
}

/** Active locations (OpenBoxes lists only those, without bins): "Name (Type)". */
export async function getLocations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const locations = dataList(await openBoxesRequest.call(this, 'GET', '/locations'));
	return locations
		.filter((location) => location.active !== false)
		.map(locationOption)
		.sort(byName);
}

/** Supplier locations: "Name". */
export async function getSuppliers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const locations = dataList(await openBoxesRequest.call(this, 'GET', '/locations', { query: { locationTypeCode: 'SUPPLIER' } }));
	return locations
		.filter((location) => location.active !== false && locationTypeCode(location) === 'SUPPLIER')
		.map((location) => option(location, displayText(location.name), displayText(location.locationNumber) || undefined))
		.sort(byName);
}

/** Product categories (every one, paged through the generic API): "Name". */
export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categories = await openBoxesList.call(this, '/generic/category', {});
	return categories.map((category) => option(category, displayText(category.name), displayText(category.description) || undefined)).sort(byName);
}

/** Location types: "Name", with the type code as the description. */
export async function getLocationTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const types = dataList(await openBoxesRequest.call(this, 'GET', '/locations/locationTypes'));
	return types.map((type) => option(type, displayText(type.name), displayText(type.locationTypeCode) || undefined)).sort(byName);
}

/** Users: "First Last (username)". */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = dataList(await openBoxesRequest.call(this, 'GET', '/users'));
	return users
		.map((user) => {
			const name = [displayText(user.firstName), displayText(user.lastName)].filter(Boolean).join(' ') || displayText(user.name);
			const username = displayText(user.username);
			return option(user, username ? `${name || username} (${username})` : name, displayText(user.email) || undefined);
		})
		.sort(byName);
}
