/**
 * Fields several stock movement operations share: the ID, the line list and how lines become the
 * `lineItems` OpenBoxes reads (`createLineItemsFromJson` in StockMovementApiController).
 */
import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { toOpenBoxesDate } from '../../dates';
import { withOpenBoxesUrlMode } from '../../recordUrl';
import { ID_PLACEHOLDER } from '../../pickers';
import { collectionEntries } from '../../helpers';
import { fieldError, positiveInteger } from '../../../shared/parameters';
import { trimmed } from '../../../shared/values';

/** The web app page of a stock movement: `…/openboxes/stockMovement/show/<id>`. */
export const STOCK_MOVEMENT_PAGES = ['stockMovement/show'];

/** The Stock Movement picker (parameter `stockMovementId`): From List, By ID or By URL. */
export function stockMovementIdField(show: IDisplayOptions['show'], description: string): INodeProperties {
	const locator = recordLocator({
		name: 'stockMovementId',
		displayName: 'Stock Movement',
		searchMethod: 'searchStockMovements',
		show,
		description,
		idPlaceholder: ID_PLACEHOLDER,
	});
	return {
		...withOpenBoxesUrlMode(locator, { pages: STOCK_MOVEMENT_PAGES, example: 'stockMovement/show', record: 'a stock movement' }),
		hint: 'The list shows movements from and to the location set in the credential. The ID is the long code that ends the movement’s address in OpenBoxes (…/stockMovement/show/…), also the "id" of Get Many; it is not the short identifier such as 483ZSA.',
	};
}

export function linesField(show: IDisplayOptions['show'], required: boolean): INodeProperties {
	return {
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		required,
		description: 'The products to move, one line per product (or per lot)',
		displayOptions: { show },
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{
						displayName: 'Expiry Date',
						name: 'expirationDate',
						type: 'dateTime',
						default: '',
						description: 'Expiry date of the lot, for products that track lots',
					},
					{
						displayName: 'Line ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'To change a line the movement already has, its ID (from Get Line Items). Leave empty to add a new line.',
					},
					{
						displayName: 'Lot Number',
						name: 'lotNumber',
						type: 'string',
						default: '',
						description: 'The lot to move, for products that track lots',
					},
					{
						displayName: 'Product ID',
						name: 'productId',
						type: 'string',
						default: '',
						required: true,
						placeholder: ID_PLACEHOLDER,
						description: 'The OpenBoxes ID of the product (a long code), e.g. from a Product "Get Many" step',
					},
					{
						displayName: 'Quantity Requested',
						name: 'quantityRequested',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1,
						required: true,
						description: 'How many units to move',
					},
				],
			},
		],
	};
}

/**
 * The Lines field as OpenBoxes line items. Each line needs a product and a whole quantity of 1 or
 * more; the line number is part of every error so the builder finds the line. `required` refuses an
 * empty list.
 */
export function readLineItems(context: IExecuteFunctions, itemIndex: number, options: { required: boolean }): IDataObject[] {
	const lines = collectionEntries(context.getNodeParameter('lines', itemIndex, {}), 'line');
	if (lines.length === 0 && options.required) {
		throw fieldError(context, 'Lines is empty; add at least one line', 'Lines', itemIndex, 'Add a line with a product and a quantity under "Lines".');
	}
	return lines.map((line, index) => {
		const at = `line ${index + 1}`;
		const productId = trimmed(line.productId);
		if (productId === '') {
			throw fieldError(context, `Product ID is required (${at})`, 'Product ID', itemIndex, `Fill in "Product ID" on ${at} of "Lines".`);
		}
		const item: IDataObject = {
			product: { id: productId },
			quantityRequested: positiveInteger(context, line.quantityRequested, `Quantity Requested (${at})`, itemIndex),
		};
		const id = trimmed(line.id);
		if (id !== '') item.id = id;
		const lotNumber = trimmed(line.lotNumber);
		if (lotNumber !== '') item.lotNumber = lotNumber;
		const expirationDate = toOpenBoxesDate(context, line.expirationDate, `Expiry Date (${at})`, itemIndex);
		if (expirationDate) item.expirationDate = expirationDate;
		return item;
	});
}
