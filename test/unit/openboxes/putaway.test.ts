import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { operations } from '../../../nodes/OpenBoxes/actions/putAway';
import { nestDottedKeys } from '../../../nodes/OpenBoxes/actions/putAway/fields';
import { runOperations } from '../../../nodes/shared/router';
import { httpError, mockExecuteFunctions, type RecordedCall } from '../../helpers/mockContext';

const API = 'http://ob.test/openboxes/api';
const credentials = { openBoxesApi: { baseUrl: 'http://ob.test/openboxes', username: 'u', password: 'p', location: 'L1', sessionCookie: 'JSESSIONID=A' } };

const locator = (value: string) => ({ __rl: true, mode: 'list', value });

function setup(parameters: IDataObject, respond?: (call: RecordedCall, index: number) => unknown) {
	const mock = mockExecuteFunctions({ parameters: { resource: 'putAway', ...parameters }, credentials, respond });
	return { ...mock, run: async () => (await runOperations.call(mock.context, { putAway: operations }))[0] };
}

async function failing(parameters: IDataObject, respond?: (call: RecordedCall, index: number) => unknown) {
	const mock = setup(parameters, respond ?? (() => ({})));
	const error = await mock.run().then(
		() => undefined,
		(e: unknown) => e as NodeOperationError,
	);
	expect(error).toBeInstanceOf(NodeOperationError);
	return { error: error as NodeOperationError, calls: mock.calls };
}

/** Candidates as OpenBoxes sends them: flat, dotted keys. */
const candidate = (product: string, lot: string): IDataObject => ({
	id: null,
	'stockMovement.id': 'sm1',
	putawayStatus: 'READY',
	'currentFacility.id': 'L1',
	'currentLocation.id': 'RECV-1',
	'currentLocation.name': 'Receiving 1',
	'product.id': product,
	'product.productCode': product.toUpperCase(),
	'product.name': `Product ${product}`,
	'inventoryItem.id': `ii-${lot}`,
	'inventoryItem.lotNumber': lot,
	'putawayLocation.id': null,
	quantity: 12,
	splitItems: [],
});

/** The same candidate, nested as the node outputs and sends it. */
const nestedCandidate = (product: string, lot: string): IDataObject => ({
	id: null,
	stockMovement: { id: 'sm1' },
	putawayStatus: 'READY',
	currentFacility: { id: 'L1' },
	currentLocation: { id: 'RECV-1', name: 'Receiving 1' },
	product: { id: product, productCode: product.toUpperCase(), name: `Product ${product}` },
	inventoryItem: { id: `ii-${lot}`, lotNumber: lot },
	putawayLocation: { id: null },
	quantity: 12,
	splitItems: [],
});

describe('nestDottedKeys', () => {
	it('nests dotted keys in depth and through lists, keeping a clashing key as it is', () => {
		expect(nestDottedKeys({ 'a.b.c': 1, 'a.d': 2, list: [{ 'x.y': 3 }], plain: 'v', 'plain.sub': 4 })).toEqual({
			a: { b: { c: 1 }, d: 2 },
			list: [{ x: { y: 3 } }],
			plain: 'v',
			'plain.sub': 4,
		});
		expect(nestDottedKeys(nestedCandidate('p1', 'A'))).toEqual(nestedCandidate('p1', 'A'));
	});
});

describe('OpenBoxes Put-Away: Get Candidates and Get', () => {
	it('asks for the credential location when Location is empty, and nests the dotted keys', async () => {
		const { run, calls } = setup({ operation: 'getCandidates', location: locator(''), returnAll: true }, () => ({
			data: [candidate('p1', 'A'), candidate('p2', 'B')],
		}));
		const output = await run();
		expect(output.map((i) => i.json)).toEqual([nestedCandidate('p1', 'A'), nestedCandidate('p2', 'B')]);
		expect(calls).toHaveLength(1);
		expect(calls[0].options).toMatchObject({ method: 'GET', url: `${API}/putaways`, qs: { 'location.id': 'L1' } });
	});

	it('uses a chosen location and applies the limit itself (OpenBoxes does not page this list)', async () => {
		const { run, calls } = setup({ operation: 'getCandidates', location: locator('L2'), returnAll: false, limit: 1 }, () => ({
			data: [candidate('p1', 'A'), candidate('p2', 'B')],
		}));
		expect((await run()).map((i) => (i.json.product as IDataObject).id)).toEqual(['p1']);
		expect(calls[0].options.qs).toEqual({ 'location.id': 'L2' });
	});

	it('Get reads one put-away and nests it', async () => {
		const { run, calls } = setup({ operation: 'get', putAwayId: 'pa1' }, () => ({
			data: { id: 'pa1', putawayNumber: 'PA1', putawayStatus: 'PENDING', 'origin.id': 'L1', putawayItems: [candidate('p1', 'A')] },
		}));
		expect((await run())[0].json).toEqual({
			id: 'pa1',
			putawayNumber: 'PA1',
			putawayStatus: 'PENDING',
			origin: { id: 'L1' },
			putawayItems: [nestedCandidate('p1', 'A')],
		});
		expect(calls[0].options).toMatchObject({ method: 'GET', url: `${API}/putaways/pa1` });
	});
});

describe('OpenBoxes Put-Away: Create', () => {
	it('puts away the waiting stock of the chosen products as PENDING, into the given bin', async () => {
		const { run, calls } = setup(
			{ operation: 'create', candidateSource: 'waiting', productIds: 'p2, p3', putAwayBinId: ' BIN-7 ' },
			(call) =>
				call.options.method === 'GET'
					? { data: [candidate('p1', 'A'), candidate('p2', 'B')] }
					: { data: { id: 'pa9', putawayStatus: 'PENDING', 'origin.id': 'L1', putawayItems: [] } },
		);
		expect((await run())[0].json).toEqual({ id: 'pa9', putawayStatus: 'PENDING', origin: { id: 'L1' }, putawayItems: [] });
		expect(calls.map((c) => [c.options.method, c.options.url])).toEqual([
			['GET', `${API}/putaways`],
			['POST', `${API}/putaways`],
		]);
		expect(calls[0].options.qs).toEqual({ 'location.id': 'L1' });
		expect(calls[1].options.body).toEqual({
			putawayStatus: 'PENDING',
			putawayItems: [{ ...nestedCandidate('p2', 'B'), putawayStatus: 'PENDING', putawayLocation: { id: 'BIN-7' } }],
		});
	});

	it('takes everything waiting when no products are named, leaving bins to choose later', async () => {
		const { run, calls } = setup({ operation: 'create', candidateSource: 'waiting', productIds: '', putAwayBinId: '' }, (call) =>
			call.options.method === 'GET' ? { data: [candidate('p1', 'A')] } : { data: { id: 'pa9' } },
		);
		await run();
		expect(calls[1].options.body).toEqual({ putawayStatus: 'PENDING', putawayItems: [{ ...nestedCandidate('p1', 'A'), putawayStatus: 'PENDING' }] });
	});

	it('uses rows given as JSON text or as data, without reading the candidates', async () => {
		for (const rows of [JSON.stringify([candidate('p1', 'A')]), [nestedCandidate('p1', 'A')], nestedCandidate('p1', 'A')]) {
			const { run, calls } = setup({ operation: 'create', candidateSource: 'provided', candidates: rows, putAwayBinId: '' }, () => ({ data: { id: 'pa9' } }));
			expect((await run())[0].json).toEqual({ id: 'pa9' });
			expect(calls).toHaveLength(1);
			expect(calls[0].options).toMatchObject({ method: 'POST', url: `${API}/putaways` });
			expect(calls[0].options.body).toEqual({ putawayStatus: 'PENDING', putawayItems: [{ ...nestedCandidate('p1', 'A'), putawayStatus: 'PENDING' }] });
		}
	});

	it('refuses bad or empty rows before any request, and says when nothing is waiting', async () => {
		const invalid = await failing({ operation: 'create', candidateSource: 'provided', candidates: '[{oops', putAwayBinId: '' });
		expect(invalid.error.message).toBe('Rows is not valid JSON');
		expect(invalid.calls).toHaveLength(0);
		const empty = await failing({ operation: 'create', candidateSource: 'provided', candidates: '[]', putAwayBinId: '' });
		expect(empty.error.message).toMatch(/Rows is empty/);
		expect(empty.calls).toHaveLength(0);
		const notObjects = await failing({ operation: 'create', candidateSource: 'provided', candidates: '[1, 2]', putAwayBinId: '' });
		expect(notObjects.error.message).toMatch(/Rows must be a list of rows/);

		const nothing = await failing({ operation: 'create', candidateSource: 'waiting', productIds: 'p9', putAwayBinId: '' }, () => ({ data: [candidate('p1', 'A')] }));
		expect(nothing.error.message).toBe('No stock is waiting to be put away for these products');
		expect(nothing.calls.map((c) => c.options.method)).toEqual(['GET']);
	});
});

describe('OpenBoxes Put-Away: Complete', () => {
	const pending = {
		id: 'pa1',
		putawayNumber: 'PA1',
		putawayStatus: 'PENDING',
		'origin.id': 'L1',
		putawayItems: [
			{ ...candidate('p1', 'A'), putawayStatus: 'PENDING', 'putawayLocation.id': 'BIN-1', 'putawayLocation.name': 'Bin 1' },
			{ ...candidate('p2', 'B'), putawayStatus: 'PENDING' },
		],
	};

	it('sends the same put-away back as COMPLETED, filling the bin of items without one', async () => {
		const { run, calls } = setup({ operation: 'complete', putAwayId: 'pa1', putAwayBinId: 'BIN-2' }, (call) =>
			call.options.method === 'GET' ? { data: pending } : { data: { id: 'pa1', putawayStatus: 'COMPLETED' } },
		);
		expect((await run())[0].json).toEqual({ id: 'pa1', putawayStatus: 'COMPLETED' });
		expect(calls.map((c) => [c.options.method, c.options.url])).toEqual([
			['GET', `${API}/putaways/pa1`],
			['POST', `${API}/putaways`],
		]);
		expect(calls[1].options.body).toEqual({
			id: 'pa1',
			putawayNumber: 'PA1',
			putawayStatus: 'COMPLETED',
			origin: { id: 'L1' },
			putawayItems: [
				{ ...nestedCandidate('p1', 'A'), putawayStatus: 'COMPLETED', putawayLocation: { id: 'BIN-1', name: 'Bin 1' } },
				{ ...nestedCandidate('p2', 'B'), putawayStatus: 'COMPLETED', putawayLocation: { id: 'BIN-2' } },
			],
		});
	});

	it('refuses, before completing, an item without a bin and a put-away already completed', async () => {
		const noBin = await failing({ operation: 'complete', putAwayId: 'pa1', putAwayBinId: '' }, () => ({ data: pending }));
		expect(noBin.error.message).toBe('item 2 (P2 Product p2) has no bin to put it into');
		expect(noBin.calls.map((c) => c.options.method)).toEqual(['GET']);

		const done = await failing({ operation: 'complete', putAwayId: 'pa1', putAwayBinId: 'B' }, () => ({ data: { ...pending, putawayStatus: 'COMPLETED' } }));
		expect(done.error.message).toBe('Put-away PA1 is already completed');
		expect(done.calls).toHaveLength(1);

		const missing = await failing({ operation: 'complete', putAwayId: ' ', putAwayBinId: '' });
		expect(missing.error.message).toBe('Put-Away ID is required');
		expect(missing.calls).toHaveLength(0);
	});

	it('passes on OpenBoxes’ error for an unknown put-away', async () => {
		const { run } = setup({ operation: 'complete', putAwayId: 'nope', putAwayBinId: '' }, () =>
			Promise.reject(httpError(500, { errorCode: 500, errorMessage: 'No putaway found for order ID nope' })),
		);
		await expect(run()).rejects.toThrow(/No putaway found for order ID nope/);
	});
});
