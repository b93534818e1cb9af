import { resourceRegistry } from '../../shared/router';
import * as automationQueue from './automationQueue';
import * as automationTask from './automationTask';
import * as automationTaskType from './automationTaskType';
import * as country from './country';
import * as customerCatalogItem from './customerCatalogItem';
import * as customerOrderSubmission from './customerOrderSubmission';
import * as inventory from './inventory';
import * as invoice from './invoice';
import * as item from './item';
import * as report from './report';
import * as serialData from './serialData';
import * as shipMethod from './shipMethod';

/**
 * Every MBX resource the node offers, in the order the Resource dropdown shows them. Any other
 * endpoint: n8n's own Custom API Call (an HTTP Request node with the MBX credential, signed by it).
 */
const registry = resourceRegistry(
	[
		{ name: 'Automation Queue', value: 'automationQueue', module: automationQueue },
		{ name: 'Automation Task', value: 'automationTask', module: automationTask },
		{ name: 'Automation Task Type', value: 'automationTaskType', module: automationTaskType },
		{ name: 'Country', value: 'country', module: country },
		{ name: 'Customer Catalog Item', value: 'customerCatalogItem', module: customerCatalogItem },
		{ name: 'Customer Order Submission', value: 'customerOrderSubmission', module: customerOrderSubmission },
		{ name: 'Inventory', value: 'inventory', module: inventory },
		{ name: 'Invoice', value: 'invoice', module: invoice },
		{ name: 'Item', value: 'item', module: item },
		{ name: 'Report', value: 'report', module: report },
		{ name: 'Serial Data', value: 'serialData', module: serialData },
		{ name: 'Ship Method', value: 'shipMethod', module: shipMethod },
	],
	'customerOrderSubmission',
);

export const resourceOperations = registry.operations;

export const subtitle = registry.subtitle;

export const resourceProperties = registry.properties;
