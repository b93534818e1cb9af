import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requiredStringParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseRequest } from '../../transport';
import { customerCredentialType } from '../../authentication';
import { purchaseOrderLocator } from '../../pickers';

const show = { resource: ['delivery'], operation: ['createDraft'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'A draft changes nothing yet: use Submit to book it. Apicbase accepts deliveries only for orders that are Ordered, or Delivered and not closed.',
		name: 'createDraftNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	purchaseOrderLocator(show, {
		searchMethod: 'searchOpenPurchaseOrders',
		description: 'The purchase order being delivered: pick it from the orders still accepting deliveries, or enter its API ID',
	}),
	{
		displayName: 'Delivered Packages',
		name: 'deliveredPackages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Package',
		default: {},
		description: 'What arrived, one row per package of the order',
		displayOptions: { show },
		options: [
			{
				displayName: 'Package',
				name: 'package',
				values: [
					{
						displayName: 'Supplier Package ID',
						name: 'packageId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 30012',
						description:
							'The API ID of the supplier package, as the purchase order shows it under packages → supplier_package (Purchase Order > Get). Not the ID of the order line itself.',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 3 },
						default: 1,
						description: 'How many packages arrived',
					},
					{
						displayName: 'Price',
						name: 'price',
						type: 'string',
						default: '',
						placeholder: 'e.g. 12.50',
						description: 'The price per package actually charged. Leave empty to keep the ordered price.',
					},
					{
						displayName: 'Intake Reason',
						name: 'intakeReason',
						type: 'string',
						default: '',
						description: 'Why the delivered quantity or price differs from the order, if it does',
					},
				],
			},
		],
	},
	{
		displayName: 'Remarks',
		name: 'remarks',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'A note on the delivery',
		displayOptions: { show },
	},
	{
		displayName: 'Update Stock',
		name: 'updateStock',
		type: 'boolean',
		default: true,
		description: 'Whether submitting the delivery adds the packages to the outlet stock',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const purchaseOrderId = requiredStringParameter(this, 'purchaseOrderId', 'Purchase Order', itemIndex);
	const rows = ((this.getNodeParameter('deliveredPackages', itemIndex, {}) as IDataObject).package ?? []) as IDataObject[];
	const fail = (message: string) =>
		new NodeOperationError(this.getNode(), message, { itemIndex, description: 'Check the "Delivered Packages" field.' });
	const deliveredPackages = rows.map((row, index) => {
		const label = `Delivered package ${index + 1}`;
		const packageId = String(row.packageId ?? '').trim();
		if (packageId === '') throw fail(`${label}: Supplier Package ID is required`);
		const quantity = Number(row.quantity);
		if (row.quantity === '' || row.quantity === undefined || !Number.isFinite(quantity) || quantity < 0) {
			throw fail(`${label}: Quantity must be a number of 0 or more, got "${String(row.quantity)}"`);
		}
		// Apicbase names the package on a purchase order line supplier_package, and so does a delivered package.
		const entry: IDataObject = { supplier_package: packageId, quantity };
		const priceText = String(row.price ?? '').trim();
		if (priceText !== '') {
			const price = Number(priceText);
			if (!/^\d+(\.\d+)?$/.test(priceText) || !Number.isFinite(price)) {
				throw fail(`${label}: Price must be a number of 0 or more such as 12.50, got "${priceText}"`);
			}
			entry.price = price;
		}
		const intakeReason = String(row.intakeReason ?? '').trim();
		if (intakeReason !== '') entry.intake_reason = intakeReason;
		return entry;
	});
	const body: IDataObject = {
		purchase_order: purchaseOrderId,
		// Only the purchase order is required; no rows means no list is sent, not an empty one.
		...(deliveredPackages.length > 0 ? { delivered_packages: deliveredPackages } : {}),
		update_stock: this.getNodeParameter('updateStock', itemIndex, true) as boolean,
	};
	const remarks = String(this.getNodeParameter('remarks', itemIndex, '') ?? '').trim();
	if (remarks !== '') body.remarks = remarks;
	return (await apicbaseRequest.call(this, customerCredentialType(this), 'POST', APICBASE_PATHS.deliveries, {
		body,
		itemIndex,
	})) as IDataObject;
}
