/**
 * Create, update and delete of the master data (products, locations, users, people): the domain
 * validation both the dedicated controllers and the generic API run, with GORM's messages, and
 * the foreign keys that make a delete fail. Reference openboxes-api.md §2.1, §2.2, §2.7, §4.
 */
import {
	constraint,
	fail,
	illegalArgument,
	invalid,
	isObject,
	refId,
	stringField,
	type JsonObject,
} from './http';
import { LOCATION_TYPES, LOCATION_TYPE_ACTIVITIES, ROLE_TYPES, HANDLING_ICONS, productCodeFor, type HandlingIcon, type OpenBoxesLocation, type OpenBoxesPerson, type OpenBoxesProduct, type OpenBoxesUser, type RoleType } from './seed';
import { grailsDate, newId, personName, productsChanged, type OpenBoxesState } from './model';

export const PRODUCT_CLASS = 'org.pih.warehouse.product.Product';
const LOCATION_CLASS = 'org.pih.warehouse.core.Location';
const USER_CLASS = 'org.pih.warehouse.core.User';
const PERSON_CLASS = 'org.pih.warehouse.core.Person';

/** A delete the database refuses because other rows still point at the record. */
export function foreignKeyViolation(): never {
	return fail(
		'org.springframework.dao.DataIntegrityViolationException',
		'could not execute statement; SQL [n/a]; constraint [null]; nested exception is org.hibernate.exception.ConstraintViolationException: could not execute statement',
	);
}

const flag = (body: JsonObject, key: string) => body[key] === true || body[key] === 'true';

// ---- products ----

/** The optional string fields a create may carry, echoed in the `{"product":...}` answer. */
const OPTIONAL_PRODUCT_STRINGS = [
	'abcClass',
	'upc',
	'ndc',
	'manufacturer',
	'manufacturerCode',
	'manufacturerName',
	'brandName',
	'modelNumber',
	'vendor',
	'vendorCode',
	'vendorName',
] as const;

/** The next code from the seed's permutation that nobody uses yet (codes are unique). */
export function nextProductCode(state: OpenBoxesState): string {
	const used = new Set(state.products.map((p) => p.productCode));
	for (let i = state.products.length; ; i++) {
		const code = productCodeFor(i);
		if (!used.has(code)) return code;
	}
}

function hasIcon(product: OpenBoxesProduct, label: string): boolean {
	return product.handlingIcons.some((i) => i.label === label);
}

function icons(coldChain: boolean, controlled: boolean, hazardous: boolean): HandlingIcon[] {
	const out: HandlingIcon[] = [];
	if (coldChain) out.push({ ...HANDLING_ICONS.coldChain });
	if (controlled) out.push({ ...HANDLING_ICONS.controlledSubstance });
	if (hazardous) out.push({ ...HANDLING_ICONS.hazardousMaterial });
	return out;
}

/**
 * Binds product fields onto `product` (create when it is new): name (required, <= 255),
 * category (`{"id"}` or `"category.id"`), productCode (unique), description, unitOfMeasure,
 * pricePerUnit, color, active, lotAndExpiryControl and the three handling flags.
 */
function bindProduct(state: OpenBoxesState, product: OpenBoxesProduct, body: JsonObject, isNew: boolean): string[] {
	const errors: string[] = [];
	if (isNew || 'name' in body) {
		const name = typeof body.name === 'string' ? body.name.trim() : '';
		if (!name) errors.push(constraint.nullable(PRODUCT_CLASS, 'name'));
		else if (name.length > 255) errors.push(constraint.maxSize(PRODUCT_CLASS, 'name', name, 255));
		product.name = name;
	}
	if (isNew || 'category' in body || 'category.id' in body) {
		const category = state.categories.find((c) => c.id === refId(body, 'category'));
		if (!category) errors.push(constraint.nullable(PRODUCT_CLASS, 'category'));
		else product.category = category.name;
	}
	if ('productCode' in body) {
		const code = typeof body.productCode === 'string' ? body.productCode.trim() : '';
		if (code) product.productCode = code;
	}
	if (state.products.some((p) => p.id !== product.id && p.productCode === product.productCode)) {
		errors.push(constraint.unique(PRODUCT_CLASS, 'productCode', product.productCode));
	}
	for (const key of ['description', 'unitOfMeasure', 'color'] as const) {
		const value = stringField(body, key);
		if (value !== undefined) product[key] = value;
	}
	if ('pricePerUnit' in body) {
		const raw = body.pricePerUnit;
		const price = typeof raw === 'number' ? raw : raw === null || raw === '' ? null : Number(raw);
		if (price !== null && !Number.isFinite(price)) errors.push(constraint.typeMismatch(PRODUCT_CLASS, 'pricePerUnit', raw));
		else product.pricePerUnit = price;
	}
	if ('active' in body) product.active = flag(body, 'active');
	if ('lotAndExpiryControl' in body) product.lotAndExpiryControl = flag(body, 'lotAndExpiryControl');
	const pick = (key: string, label: string) => (key in body ? flag(body, key) : hasIcon(product, label));
	product.handlingIcons = icons(
		pick('coldChain', 'Cold chain'),
		pick('controlledSubstance', 'Controlled substance'),
		pick('hazardousMaterial', 'Hazardous material'),
	);
	return errors;
}

function blankProduct(state: OpenBoxesState, user: OpenBoxesUser, now: number): OpenBoxesProduct {
	return {
		id: newId(state, now),
		productCode: nextProductCode(state),
		name: '',
		description: null,
		category: '',
		unitOfMeasure: null,
		pricePerUnit: null,
		dateCreated: grailsDate(now),
		lastUpdated: grailsDate(now),
		updatedBy: personName(user),
		color: null,
		handlingIcons: [],
		lotAndExpiryControl: false,
		active: true,
		displayNames: { default: null },
	};
}

/**
 * A new product. The generic API would leave productCode empty where `save` generates one; the
 * sandbox generates one either way, because product codes are non-null everywhere else here.
 */
export function createProduct(state: OpenBoxesState, body: JsonObject, user: OpenBoxesUser, now: number): OpenBoxesProduct {
	const product = blankProduct(state, user, now);
	const errors = bindProduct(state, product, body, true);
	if (errors.length > 0) invalid(errors);
	state.products.push(product);
	return product;
}

/** ProductApiController.save: productType is checked first (IllegalArgumentException => 500). */
export function saveProduct(state: OpenBoxesState, body: JsonObject, user: OpenBoxesUser, now: number): JsonObject {
	const productTypeId = refId(body, 'productType');
	if (!productTypeId) illegalArgument('Product type is required');
	if (productTypeId !== 'DEFAULT') illegalArgument(`Unable to find product type with id ${productTypeId}`);
	const product = createProduct(state, body, user, now);
	const category = state.categories.find((c) => c.name === product.category);
	const optionalString = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : null);
	// Product.toFullJson: associations as {"id"} only, plus the flags and optional fields.
	const full: JsonObject = {
		id: product.id,
		productCode: product.productCode,
		name: product.name,
		description: product.description,
		productType: { id: productTypeId },
		category: { id: category?.id ?? null },
		defaultUom: null,
		glAccount: null,
		productFamily: null,
		createdBy: { id: user.id },
		updatedBy: { id: user.id },
		unitOfMeasure: product.unitOfMeasure,
		attributes: [],
		costPerUnit: typeof body.costPerUnit === 'number' ? body.costPerUnit : null,
		controlledSubstance: flag(body, 'controlledSubstance'),
		hazardousMaterial: flag(body, 'hazardousMaterial'),
		active: product.active,
		coldChain: flag(body, 'coldChain'),
		serialized: false,
		lotControl: false,
		essential: false,
		reconditioned: flag(body, 'reconditioned'),
		packageSize: null,
		pricePerUnit: product.pricePerUnit,
		dateCreated: product.dateCreated,
		lastUpdated: product.lastUpdated,
		color: product.color,
		lotAndExpiryControl: product.lotAndExpiryControl,
	};
	for (const key of OPTIONAL_PRODUCT_STRINGS) full[key] = optionalString(key);
	return full;
}

/** `domain.properties = json` then save; every change bumps lastUpdated and updatedBy. */
export function updateProduct(state: OpenBoxesState, product: OpenBoxesProduct, body: JsonObject, user: OpenBoxesUser, now: number): void {
	const draft = structuredClone(product);
	const errors = bindProduct(state, draft, body, false);
	if (errors.length > 0) invalid(errors);
	Object.assign(product, draft, { lastUpdated: grailsDate(now), updatedBy: personName(user) });
	productsChanged(state);
}

export function deleteProduct(state: OpenBoxesState, product: OpenBoxesProduct): void {
	const referenced =
		state.inventoryItems.some((i) => i.productId === product.id) ||
		state.inventoryLevels.some((l) => l.productId === product.id) ||
		state.stockMovements.some((sm) => sm.lines.some((l) => l.productId === product.id)) ||
		state.purchaseOrders.some((o) => o.items.some((i) => i.productId === product.id));
	if (referenced) foreignKeyViolation();
	state.products = state.products.filter((p) => p !== product);
}

// ---- locations ----

/**
 * Location create/update (LocationApiController.bindLocationData + domain constraints): name
 * required and unique among siblings, locationType `{"id"}` required, organization required
 * for depots and suppliers.
 */
export function saveLocation(state: OpenBoxesState, body: JsonObject, now: number, existing?: OpenBoxesLocation): OpenBoxesLocation {
	const errors: string[] = [];
	const name = 'name' in body || !existing ? (typeof body.name === 'string' ? body.name.trim() : '') : existing.name;
	if (!name) errors.push(constraint.nullable(LOCATION_CLASS, 'name'));
	const typeId = 'locationType' in body || 'locationType.id' in body || !existing ? refId(body, 'locationType') : existing.locationType.id;
	const type = LOCATION_TYPES.find((t) => t.id === typeId);
	if (!type) errors.push(constraint.nullable(LOCATION_CLASS, 'locationType'));
	const parentId = 'parentLocation' in body || 'parentLocation.id' in body ? refId(body, 'parentLocation') : existing?.parentLocation?.id;
	const parent = parentId ? state.locations.find((l) => l.id === parentId) : undefined;
	if (parentId && !parent) errors.push(constraint.nullable(LOCATION_CLASS, 'parentLocation'));
	const orgId = 'organization' in body || 'organization.id' in body || !existing ? refId(body, 'organization') : existing.organization?.id;
	const organization = orgId ? state.organizations.find((o) => o.id === orgId) : undefined;
	if (orgId && !organization) errors.push(constraint.nullable(LOCATION_CLASS, 'organization'));
	else if (!organization && type && ['DEPOT', 'SUPPLIER'].includes(type.locationTypeCode)) {
		errors.push(constraint.validator(LOCATION_CLASS, 'organization', 'null'));
	}
	const siblings = state.locations.filter((l) => l !== existing && (l.parentLocation?.id ?? null) === (parent?.id ?? null));
	if (name && siblings.some((l) => l.name === name)) errors.push(constraint.unique(LOCATION_CLASS, 'name', name));
	if (errors.length > 0 || !type) invalid(errors);

	const address = isObject(body.address) ? body.address : undefined;
	const activities = Array.isArray(body.supportedActivities)
		? body.supportedActivities.map(String)
		: (existing?.supportedActivities ?? [...(LOCATION_TYPE_ACTIVITIES[type!.id] ?? [])]);
	const location: OpenBoxesLocation = existing ?? {
		id: newId(state, now),
		name,
		description: null,
		locationNumber: '',
		locationGroup: null,
		parentLocation: null,
		locationType: { ...type! },
		sortOrder: null,
		hasBinLocationSupport: false,
		hasPackingSupport: false,
		hasPartialReceivingSupport: false,
		hasCentralPurchasingEnabled: false,
		organizationName: null,
		organizationCode: null,
		backgroundColor: 'FFFFFF',
		zoneName: null,
		zoneId: null,
		active: true,
		organization: null,
		manager: null,
		address: { address: null, address2: null, city: null, country: null, description: null, postalCode: null, stateOrProvince: null },
		supportedActivities: [],
	};
	location.name = name;
	location.locationType = { ...type! };
	location.parentLocation = parent ? { id: parent.id, name: parent.name } : null;
	location.organization = organization ? structuredClone(organization) : null;
	location.organizationName = organization?.name ?? null;
	location.organizationCode = organization?.code ?? null;
	location.supportedActivities = activities.length ? activities : ['NONE'];
	if ('description' in body) location.description = stringField(body, 'description') ?? null;
	if ('active' in body) location.active = flag(body, 'active');
	if ('locationNumber' in body && typeof body.locationNumber === 'string' && body.locationNumber) location.locationNumber = body.locationNumber;
	// locationIdentifierService.generate: a short code when none was given.
	if (!location.locationNumber) location.locationNumber = name.replace(/[^A-Za-z0-9]/g, '').slice(0, 3).toUpperCase() + String(state.locations.length + 1);
	if (address) {
		for (const key of Object.keys(location.address) as Array<keyof typeof location.address>) {
			if (key in address) location.address[key] = address[key] === null ? null : String(address[key]);
		}
	}
	if (!existing) {
		state.locations.push(location);
		// Locations that manage inventory get an inventory (inventoryService.addInventory).
		if (location.supportedActivities.includes('MANAGE_INVENTORY')) state.inventoryIds[location.id] = newId(state, now);
	}
	return location;
}

/** LocationApiController.delete: referenced locations fail with the wrapped constraint message. */
export function deleteLocation(state: OpenBoxesState, location: OpenBoxesLocation): void {
	const id = location.id;
	const referenced =
		state.locations.some((l) => l.parentLocation?.id === id) ||
		state.availability.some((r) => r.locationId === id || r.binLocationId === id) ||
		state.inventoryLevels.some((l) => l.locationId === id) ||
		state.stockMovements.some((sm) => sm.originId === id || sm.destinationId === id) ||
		state.purchaseOrders.some((o) => o.originId === id || o.destinationId === id) ||
		state.putaways.some((p) => p.locationId === id);
	if (referenced) {
		fail(
			'java.lang.Exception',
			`Location ${id} could not be deleted - could not execute statement; SQL [n/a]; constraint [null]; nested exception is org.hibernate.exception.ConstraintViolationException: could not execute statement`,
		);
	}
	state.locations = state.locations.filter((l) => l !== location);
	delete state.inventoryIds[id];
}

// ---- users and people ----

/** The Role records (generic `role` resource): users reference them by id. */
export const ROLE_RECORDS: ReadonlyArray<{ id: string; roleType: RoleType; name: string; description: string }> = ROLE_TYPES.map((roleType, i) => ({
	id: String(i + 1),
	roleType,
	name: roleType
		.slice(5)
		.split('_')
		.map((w) => w.charAt(0) + w.slice(1).toLowerCase())
		.join(' '),
	description: `${roleType} role`,
}));

function emailValid(email: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

function personErrors(cls: string, body: JsonObject, current: { firstName: string; lastName: string; email: string | null } | undefined): string[] {
	const errors: string[] = [];
	for (const key of ['firstName', 'lastName'] as const) {
		const value = key in body || !current ? body[key] : current[key];
		if (typeof value !== 'string' || !value.trim()) errors.push(constraint.nullable(cls, key));
	}
	const email = 'email' in body ? body.email : current?.email;
	if (email !== null && email !== undefined && email !== '' && !(typeof email === 'string' && emailValid(email))) {
		errors.push(constraint.email(cls, 'email', email));
	}
	return errors;
}

/** Role references as Grails binds them: `[{"id":"2"}]` or `["2"]` (ids); hosted also takes role type names. */
function bindRoles(body: JsonObject, allowNames: boolean, errors: string[]): RoleType[] | undefined {
	if (!('roles' in body)) return undefined;
	const raw = Array.isArray(body.roles) ? body.roles : [];
	const roles: RoleType[] = [];
	for (const entry of raw) {
		const id = isObject(entry) ? String(entry.id ?? '') : String(entry);
		const record = ROLE_RECORDS.find((r) => r.id === id) ?? (allowNames ? ROLE_RECORDS.find((r) => r.roleType === id) : undefined);
		if (!record) {
			errors.push(constraint.validator(USER_CLASS, 'roles', JSON.stringify(entry)));
			continue;
		}
		if (!roles.includes(record.roleType)) roles.push(record.roleType);
	}
	return roles;
}

/**
 * User create/update. `hosted` is the vendor's `POST /api/users` (active by default, roles may
 * be role type names); the generic API binds the domain as is (User.active defaults to false).
 */
export function saveUser(state: OpenBoxesState, body: JsonObject, now: number, hosted: boolean, existing?: OpenBoxesUser): OpenBoxesUser {
	const errors = personErrors(USER_CLASS, body, existing);
	const username = 'username' in body || !existing ? body.username : existing.username;
	if (typeof username !== 'string' || !username.trim()) errors.push(constraint.nullable(USER_CLASS, 'username'));
	else if (state.users.some((u) => u !== existing && u.username === username)) errors.push(constraint.unique(USER_CLASS, 'username', username));
	const password = 'password' in body || !existing ? body.password : existing.password;
	if (typeof password !== 'string' || !password) errors.push(constraint.nullable(USER_CLASS, 'password'));
	else if (hosted && password.length < 6) errors.push(`Property [password] of class [class ${USER_CLASS}] with value [******] is less than the minimum size of [6]`);
	if (body.passwordConfirm !== undefined && body.passwordConfirm !== password) {
		errors.push(constraint.validator(USER_CLASS, 'passwordConfirm', '******'));
	}
	const email = 'email' in body ? body.email : existing?.email;
	if (hosted && (typeof email !== 'string' || !email)) errors.push(constraint.nullable(USER_CLASS, 'email'));
	const roles = bindRoles(body, hosted, errors);
	if (errors.length > 0) invalid(errors);
	const stamp = grailsDate(now);
	const user: OpenBoxesUser = existing ?? {
		id: newId(state, now),
		username: '',
		email: '',
		password: '',
		firstName: '',
		lastName: '',
		roles: [],
		locationRoles: {},
		active: hosted,
		dateCreated: stamp,
		lastUpdated: stamp,
	};
	user.username = String(username);
	user.password = String(password);
	user.firstName = String('firstName' in body ? body.firstName : user.firstName).trim();
	user.lastName = String('lastName' in body ? body.lastName : user.lastName).trim();
	user.email = typeof email === 'string' ? email : '';
	if (roles) user.roles = roles;
	if ('active' in body) user.active = flag(body, 'active');
	user.lastUpdated = stamp;
	if (!existing) state.users.push(user);
	return user;
}

export function savePerson(state: OpenBoxesState, body: JsonObject, now: number, existing?: OpenBoxesPerson): OpenBoxesPerson {
	const errors = personErrors(PERSON_CLASS, body, existing);
	if (errors.length > 0) invalid(errors);
	const stamp = grailsDate(now);
	const person: OpenBoxesPerson = existing ?? { id: newId(state, now), firstName: '', lastName: '', email: null, dateCreated: stamp, lastUpdated: stamp };
	if ('firstName' in body || !existing) person.firstName = String(body.firstName).trim();
	if ('lastName' in body || !existing) person.lastName = String(body.lastName).trim();
	if ('email' in body) person.email = typeof body.email === 'string' && body.email ? body.email : null;
	person.lastUpdated = stamp;
	if (!existing) state.persons.push(person);
	return person;
}

/** People (and users) that movements or orders still reference cannot be deleted. */
export function personReferenced(state: OpenBoxesState, id: string): boolean {
	return (
		state.stockMovements.some((sm) => [sm.requestedById, sm.createdById, sm.updatedById].includes(id)) ||
		state.purchaseOrders.some((o) => o.orderedById === id || o.createdById === id) ||
		state.putaways.some((p) => p.assigneeId === id)
	);
}
