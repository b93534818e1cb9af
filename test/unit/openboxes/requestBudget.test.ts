import { OpenBoxesApiKeyApi } from '../../../credentials/OpenBoxesApiKeyApi.credentials';
import { requestsPerMinute } from '../../../nodes/OpenBoxes/credentialFields';
import { RequestBudget } from '../../../nodes/OpenBoxes/requestBudget';

describe('RequestBudget', () => {
	it('lets perMinute requests through, then waits until the oldest leaves the 60 s window', async () => {
		let now = 0;
		const waits: number[] = [];
		const budget = new RequestBudget(3, () => now);
		const wait = async (ms: number) => {
			waits.push(ms);
			now += ms;
		};
		for (let i = 0; i < 3; i++) {
			await budget.take(wait);
			now += 1000;
		}
		expect(waits).toEqual([]);
		await budget.take(wait); // the 4th request in the same minute
		expect(waits).toEqual([57_000]);
		expect(now).toBe(60_000);
	});

	it('keeps any 60 s window at or under the budget across 200 requests', async () => {
		let now = 0;
		const starts: number[] = [];
		const budget = new RequestBudget(60, () => now);
		for (let i = 0; i < 200; i++) {
			await budget.take(async (ms) => void (now += ms));
			starts.push(now);
			now += 100;
		}
		for (const start of starts) {
			expect(starts.filter((s) => s >= start && s < start + 60_000).length).toBeLessThanOrEqual(60);
		}
	});
});

describe('OpenBoxes credentials', () => {
	it('reads the request budget the user chose', () => {
		expect(requestsPerMinute({ requestBudget: 'none' })).toBeUndefined();
		expect(requestsPerMinute({ requestBudget: '60' })).toBe(60);
		expect(requestsPerMinute({ requestBudget: '300' })).toBe(300);
		expect(requestsPerMinute({ requestBudget: 'custom', requestsPerMinute: 120 })).toBe(120);
	});

	it('sends the API key in the header the host expects', async () => {
		const signed = await new OpenBoxesApiKeyApi().authenticate(
			{ apiKey: 'key-value', headerName: 'X-Api-Token' },
			{ url: 'https://ob.test/openboxes/api/products', headers: { 'X-Other': '1' } },
		);
		expect(signed.headers).toEqual({ 'X-Other': '1', 'X-Api-Token': 'key-value', Accept: 'application/json' });
	});
});
