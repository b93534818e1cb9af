import type { IHookFunctions } from 'n8n-workflow';

/**
 * For vendors that register webhook URLs by hand (MBX through the account manager, Apicbase by
 * e-mail to its integrations team): there is nothing to create or remove through an API.
 */
export const registeredByHand = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
