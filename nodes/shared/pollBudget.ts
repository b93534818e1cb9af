import type { IPollFunctions } from 'n8n-workflow';

/** What a poll may take when n8n does not say (n8n before 2.41, which has no poll time limit). */
const DEFAULT_POLL_BUDGET_MS = 5 * 60 * 1000;

/**
 * When this poll must be done reading: n8n 2.41 abandons a poll that runs past its time limit and
 * keeps none of its work, so a trigger reads what fits and goes on at the next poll.
 */
export function pollDeadline(context: IPollFunctions): number {
	const budget = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;
	return Date.now() + (Number.isFinite(budget) && budget > 0 ? budget : DEFAULT_POLL_BUDGET_MS);
}
