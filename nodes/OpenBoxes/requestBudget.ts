/**
 * Spaces requests so that no more than `perMinute` start in any 60-second window. Hosted
 * OpenBoxes plans allow 60 or 300 requests a minute; waiting here is cheaper than a 429.
 * One budget per API address is shared by every execution in this n8n process.
 */
export class RequestBudget {
	private starts: number[] = [];

	constructor(
		readonly perMinute: number,
		private readonly now: () => number = Date.now,
	) {}

	/** How long to wait before the next request may start (0 = now). */
	delayMs(): number {
		const windowStart = this.now() - 60_000;
		this.starts = this.starts.filter((start) => start > windowStart);
		if (this.starts.length < this.perMinute) return 0;
		return this.starts[0] - windowStart;
	}

	async take(wait: (ms: number) => Promise<void>): Promise<void> {
		for (let delay = this.delayMs(); delay > 0; delay = this.delayMs()) await wait(delay);
		this.starts.push(this.now());
	}
}

const budgets = new Map<string, RequestBudget>();

export function sharedBudget(key: string, perMinute: number): RequestBudget {
	const existing = budgets.get(key);
	if (existing && existing.perMinute === perMinute) return existing;
	const budget = new RequestBudget(perMinute);
	budgets.set(key, budget);
	return budget;
}
