import type { INodeProperties } from 'n8n-workflow';

import { ID_PLACEHOLDER } from './pickers';

/** What an OpenBoxes web app address looks like, as a field placeholder. */
const WEB_APP_EXAMPLE = 'https://openboxes.example.org/openboxes';

/**
 * The locator with a "By URL" mode added: the address of the record's page in the OpenBoxes web
 * app, e.g. `…/openboxes/stockMovement/show/<id>`, from which n8n takes the ID. `pages` are the
 * paths (after the context path) that end in the record's ID.
 */
export function withOpenBoxesUrlMode(
	locator: INodeProperties,
	options: { pages: string[]; example: string; record: string },
): INodeProperties {
	const pages = `(?:${options.pages.join('|')})`;
	return {
		...locator,
		modes: [
			...(locator.modes ?? []),
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${WEB_APP_EXAMPLE}/${options.example}/${ID_PLACEHOLDER.replace(/^e\.g\. /, '')}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `https?://.+/${pages}/[^/?#&]+.*`,
							errorMessage: `Not the address of ${options.record} in the OpenBoxes web app`,
						},
					},
				],
				extractValue: { type: 'regex', regex: `/${pages}/([^/?#&]+)` },
			},
		],
	};
}
