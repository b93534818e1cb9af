/**
 * OpenBoxes put-aways and users over real HTTP (reference openboxes-api.md §2.5, §2.7): put-away
 * candidates from the receiving bin, create and complete (stock moves into the bins, completed
 * ones are frozen), the vendor's /api/putAways alias; the users lookup with its filters, and
 * user creation through the hosted POST /api/users and the generic API.
 */
import { OPENBOXES_BINS, OPENBOXES_DEMO, OPENBOXES_MANAGER, OpenBoxesSandbox } from './openboxes/server';
import { BROWSER_LOGIN, openBoxesClient } from './openboxes/testClient';
import type { Json } from '../helpers/json';

const sandbox = new OpenBoxesSandbox();
const { call, login, expectForbidden } = openBoxesClient(sandbox);
const BHQ = OPENBOXES_DEMO.locationId;
const WAREHOUSE = OPENBOXES_DEMO.warehouseId;
const STORAGE_BIN = 'ff80818190a1c3b10190a1c4e2a50503';

beforeAll(async () => {
	await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

beforeEach(() => {
	sandbox.reset();
});

type Row = Record<string, Json>;

const inBin = (productId: string, binId: string, inventoryItemId: string) =>
	sandbox
		.productAvailability(productId)
		.filter((r) => r.binLocation?.id === binId && r.inventoryItem.id === inventoryItemId)
		.reduce((s, r) => s + r.quantityOnHand, 0);

describe('put-aways', () => {
	test('candidates: what sits in the receiving bin of the session location (or location.id)', async () => {
		const cookie = await login();
		const res = await call('/putaways', { cookie });
		expect(res.status).toBe(200);
		const candidates = res.json.data as Row[];
		const receiving = sandbox.productAvailability().filter((r) => r.binLocation?.id === OPENBOXES_BINS.bhqReceiving && r.quantityAvailableToPromise > 0);
		expect(candidates).toHaveLength(receiving.length);
		expect(candidates.length).toBeGreaterThanOrEqual(5);
		for (const c of candidates) {
			expect(c['currentLocation.id']).toBe(OPENBOXES_BINS.bhqReceiving);
			expect(c['currentLocation.name']).toBe('Receiving BHQ');
			// The marshaller's quirk: "stockMovement.id" carries the bin name.
			expect(c['stockMovement.id']).toBe('Receiving BHQ');
			expect(c['currentFacility.id']).toBe(BHQ);
			const row = receiving.find((r) => r.inventoryItem.id === c['inventoryItem.id'])!;
			expect(c.quantity).toBe(row.quantityAvailableToPromise);
			expect(c['product.id']).toBe(row.product.id);
		}
		// Two of them are already on the seeded pending putaway.
		expect(candidates.filter((c) => c.putawayStatus === 'PENDING')).toHaveLength(2);
		expect(candidates.filter((c) => c.putawayStatus === 'READY').length).toBeGreaterThan(0);

		const warehouse = await call(`/putaways?location.id=${WAREHOUSE}`, { cookie });
		expect(warehouse.json.data.every((c: Row) => c['currentLocation.id'] === OPENBOXES_BINS.mwReceiving)).toBe(true);
		const nowhere = await login({ username: 'admin', password: 'password' });
		const npe = await call('/putaways', { cookie: nowhere });
		expect(npe.status).toBe(500);
		expect(npe.json.errorMessage).toBe('Must provide location.id as request parameter');
	});

	test('read a saved putaway; an unknown id is an IllegalArgumentException 500', async () => {
		const cookie = await login();
		const [completed, pending] = sandbox.putaways() as Row[];
		const res = await call(`/putaways/${pending.id}`, { cookie });
		expect(res.status).toBe(200);
		expect(res.json.data).toMatchObject({ id: pending.id, putawayStatus: 'PENDING', 'origin.id': BHQ, 'destination.id': BHQ, orderedBy: OPENBOXES_MANAGER.name });
		expect(res.json.data.dateCreated).toMatch(/^[A-Z][a-z]+ \d{2}, \d{4}$/);
		expect(res.json.data.putawayItems).toHaveLength(2);
		expect((await call(`/putaways/${completed.id}`, { cookie })).json.data.putawayDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
		const unknown = await call('/putaways/nope', { cookie });
		expect(unknown.status).toBe(500);
		expect(unknown.json).toEqual({ errorCode: 500, cause: 'java.lang.IllegalArgumentException', errorMessage: 'No putaway found for order ID nope' });
	});

	test('create PENDING (stock stays), then COMPLETED moves it from the receiving bin into the chosen bin', async () => {
		const cookie = await login();
		const candidate = ((await call('/putaways', { cookie })).json.data as Row[]).find((c) => c.putawayStatus === 'READY')!;
		const productId = candidate['product.id'] as string;
		const lotId = candidate['inventoryItem.id'] as string;
		const total = sandbox.quantityOnHand(productId);
		const item = { ...candidate, putawayStatus: 'PENDING', 'putawayLocation.id': STORAGE_BIN, quantity: candidate.quantity };
		const created = await call('/putaways', { cookie, body: { putawayNumber: '', putawayStatus: 'PENDING', putawayItems: [item] } });
		expect(created.status).toBe(200);
		const putaway = created.json.data;
		expect(putaway).toMatchObject({ putawayStatus: 'PENDING', putawayDate: null, 'origin.id': BHQ });
		expect(putaway.putawayNumber).toMatch(/^PA-[A-Z0-9]{6}$/);
		expect(putaway.putawayItems[0]).toMatchObject({ 'putawayLocation.id': STORAGE_BIN, 'putawayLocation.name': 'A-02-01', quantity: candidate.quantity });
		expect(inBin(productId, OPENBOXES_BINS.bhqReceiving, lotId)).toBe(candidate.quantity);

		// Complete: same putaway, nested references as the UI sends them.
		const complete = await call('/putaways', {
			cookie,
			body: {
				id: putaway.id,
				putawayStatus: 'COMPLETED',
				putawayItems: [
					{
						id: putaway.putawayItems[0].id,
						product: { id: productId },
						inventoryItem: { id: lotId },
						currentLocation: { id: OPENBOXES_BINS.bhqReceiving },
						putawayLocation: { id: STORAGE_BIN },
						quantity: candidate.quantity,
						putawayStatus: 'COMPLETED',
					},
				],
			},
		});
		expect(complete.status).toBe(200);
		expect(complete.json.data.putawayStatus).toBe('COMPLETED');
		expect(complete.json.data.putawayDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
		expect(inBin(productId, OPENBOXES_BINS.bhqReceiving, lotId)).toBe(0);
		expect(inBin(productId, STORAGE_BIN, lotId)).toBeGreaterThanOrEqual(candidate.quantity);
		expect(sandbox.quantityOnHand(productId)).toBe(total);
		const after = (await call('/putaways', { cookie })).json.data as Row[];
		expect(after.some((c) => c['inventoryItem.id'] === lotId)).toBe(false);

		const again = await call('/putaways', { cookie, body: { id: putaway.id, putawayStatus: 'PENDING', putawayItems: [] } });
		expect(again.status).toBe(500);
		expect(again.json).toEqual({ errorCode: 500, cause: 'java.lang.IllegalArgumentException', errorMessage: "Can't update completed putaway" });
	});

	test('completing needs a putaway bin and enough stock; bad items are 400s and nothing moves', async () => {
		const cookie = await login();
		const candidate = ((await call('/putaways', { cookie })).json.data as Row[])[0];
		const before = sandbox.productAvailability(candidate['product.id']);
		const noBin = await call('/putaways', { cookie, body: { putawayStatus: 'COMPLETED', putawayItems: [{ ...candidate, 'putawayLocation.id': null }] } });
		expect(noBin.status).toBe(400);
		expect(noBin.json.errorMessages).toEqual(['Property [putawayLocation] of class [class org.pih.warehouse.api.PutawayItem] cannot be null']);
		const tooMuch = await call('/putaways', { cookie, body: { putawayStatus: 'COMPLETED', putawayItems: [{ ...candidate, 'putawayLocation.id': STORAGE_BIN, quantity: candidate.quantity + 1 }] } });
		expect(tooMuch.status).toBe(400);
		expect(tooMuch.json.errorMessages[0]).toMatch(/exceeds quantity available/);
		const badProduct = await call('/putaways', { cookie, body: { putawayItems: [{ ...candidate, 'product.id': 'nope' }] } });
		expect(badProduct.status).toBe(400);
		expect(sandbox.productAvailability(candidate['product.id'])).toEqual(before);
		await expectForbidden(await call('/putaways', { cookie: await login(BROWSER_LOGIN), body: { putawayItems: [] } }));
	});

	test('the vendor spelling /api/putAways is an alias on the hosted tier, a 404 otherwise', async () => {
		const cookie = await login();
		const lower = await call('/putaways', { cookie });
		expect((await call('/putAways', { cookie })).json).toEqual(lower.json);
		const [, pending] = sandbox.putaways() as Row[];
		expect((await call(`/putAways/${pending.id}`, { cookie })).json.data.id).toBe(pending.id);
		sandbox.configure({ hostedEndpoints: false });
		const res = await call('/putAways', { cookie });
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ errorCode: 404, errorMessage: 'Resource not found' });
		expect((await call('/putaways', { cookie })).status).toBe(200);
	});
});

describe('users', () => {
	const names = (rows: Row[]) => rows.map((u) => u.username);

	test('every user, ordered by last name descending, User.toJson, no paging', async () => {
		const cookie = await login();
		const res = await call('/users?max=1', { cookie });
		expect(res.status).toBe(200);
		expect(Object.keys(res.json)).toEqual(['data']);
		const lastNames = res.json.data.map((u: Row) => u.lastName);
		expect(lastNames).toEqual([...lastNames].sort().reverse());
		expect(res.json.data).toHaveLength(sandbox.users().length);
		expect(res.json.data.find((u: Row) => u.username === 'admin')).toEqual({
			id: OPENBOXES_DEMO.userId,
			name: 'Miss Administrator',
			firstName: 'Miss',
			lastName: 'Administrator',
			email: OPENBOXES_DEMO.email,
			username: 'admin',
			roles: ['ROLE_ADMIN', 'ROLE_PURCHASE_APPROVER'],
		});
	});

	test('searchTerm splits on spaces and commas and matches names and e-mail; active filters', async () => {
		const cookie = await login();
		expect(names((await call('/users?searchTerm=MIRANDA', { cookie })).json.data)).toEqual(['jmiranda']);
		expect(names((await call('/users?searchTerm=pih.org', { cookie })).json.data).sort()).toEqual(['jmiranda', 'jplouis', 'kwells']);
		expect(names((await call('/users?searchTerm=bea,kendra', { cookie })).json.data)).toEqual(['kwells', 'browser']);
		expect(names((await call('/users?active=false', { cookie })).json.data)).toEqual(['inactive']);
		expect(names((await call('/users?active=true', { cookie })).json.data)).not.toContain('inactive');
	});

	test('roleTypes: default roles, plus roles held at the location (default: the session location)', async () => {
		const cookie = await login();
		const managers = names((await call('/users?roleTypes=ROLE_MANAGER', { cookie })).json.data);
		expect(managers.sort()).toEqual(['inactive', 'jmiranda', 'jplouis']);
		const atWarehouse = names((await call(`/users?roleTypes=ROLE_MANAGER&location=${WAREHOUSE}`, { cookie })).json.data);
		expect(atWarehouse.sort()).toEqual(['inactive', 'jmiranda', 'jplouis', 'kwells']);
		expect(names((await call('/users?roleTypes=ROLE_ADMIN&roleTypes=ROLE_BROWSER', { cookie })).json.data).sort()).toEqual(['admin', 'browser']);
		const bad = await call('/users?roleTypes=ROLE_CHIEF', { cookie });
		expect(bad.status).toBe(500);
		expect(bad.json.errorMessage).toBe('No enum constant org.pih.warehouse.core.RoleType.ROLE_CHIEF');
	});

	test('hosted POST /api/users creates an active user who can log in; validation is a 400', async () => {
		const cookie = await login();
		const body = { username: 'nnurse', firstName: 'Nia', lastName: 'Nurse', email: 'nnurse@pih.org', password: 'secret-pw', roles: ['ROLE_ASSISTANT'] };
		const res = await call('/users', { cookie, body });
		expect(res.status).toBe(201);
		expect(res.json.data).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Nia Nurse', firstName: 'Nia', lastName: 'Nurse', email: 'nnurse@pih.org', username: 'nnurse', roles: ['ROLE_ASSISTANT'] });
		const theirs = await login({ username: 'nnurse', password: 'secret-pw', location: BHQ });
		expect((await call('/users?searchTerm=nurse', { cookie: theirs })).json.data).toHaveLength(1);

		const invalid = await call('/users', { cookie, body: { username: 'nnurse', firstName: '', email: 'not-an-email', password: '123' } });
		expect(invalid.status).toBe(400);
		expect(invalid.json.errorMessages).toEqual([
			'Property [firstName] of class [class org.pih.warehouse.core.User] cannot be null',
			'Property [lastName] of class [class org.pih.warehouse.core.User] cannot be null',
			'Property [email] of class [class org.pih.warehouse.core.User] with value [not-an-email] is not a valid e-mail address',
			'Property [username] of class [class org.pih.warehouse.core.User] with value [nnurse] must be unique',
			'Property [password] of class [class org.pih.warehouse.core.User] with value [******] is less than the minimum size of [6]',
		]);
		await expectForbidden(await call('/users', { cookie: await login(BROWSER_LOGIN), body }));
		sandbox.configure({ hostedEndpoints: false });
		expect((await call('/users', { cookie, body: { ...body, username: 'other' } })).status).toBe(404);
	});

	test('generic user (roles by Role id, inactive by default) and person', async () => {
		const cookie = await login();
		const roles = (await call('/generic/role', { cookie })).json.data as Row[];
		const manager = roles.find((r) => r.roleType.name === 'ROLE_MANAGER')!;
		expect(manager.roleType).toEqual({ enumType: 'org.pih.warehouse.core.RoleType', name: 'ROLE_MANAGER' });
		const res = await call('/generic/user', {
			cookie,
			body: { username: 'gclerk', firstName: 'Gil', lastName: 'Clerk', password: 'pw', passwordConfirm: 'pw', roles: [{ id: manager.id }] },
		});
		expect(res.status).toBe(201);
		expect(res.json.data).toMatchObject({ username: 'gclerk', roles: ['ROLE_MANAGER'], email: '' });
		// User.active defaults to false: the login works, the next request is logged out.
		const theirs = await login({ username: 'gclerk', password: 'pw', location: BHQ });
		expect((await call('/users', { cookie: theirs })).status).toBe(302);
		expect(names((await call('/users?active=false', { cookie })).json.data)).toContain('gclerk');

		const mismatch = await call('/generic/user', { cookie, body: { username: 'x1', firstName: 'X', lastName: 'Y', password: 'a', passwordConfirm: 'b' } });
		expect(mismatch.status).toBe(400);
		expect(mismatch.json.errorMessages).toEqual(['Property [passwordConfirm] of class [class org.pih.warehouse.core.User] with value [******] does not pass custom validation']);
		const person = await call('/generic/person', { cookie, body: { firstName: 'Ada', lastName: 'Okoro', email: 'ada@example.org' } });
		expect(person.status).toBe(201);
		expect(person.json.data).toEqual({ id: expect.any(String), name: 'Ada Okoro', firstName: 'Ada', lastName: 'Okoro', email: 'ada@example.org', username: null });
		const people = (await call('/generic/person', { cookie })).json.data as Row[];
		expect(people.map((p) => p.id)).toEqual(expect.arrayContaining([person.json.data.id, res.json.data.id, OPENBOXES_DEMO.userId]));
		// People are not users: the users lookup does not list them.
		expect((await call('/users?searchTerm=okoro', { cookie })).json.data).toEqual([]);
	});
});
