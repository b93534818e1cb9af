import { getAutomationTaskTypes, getCountries, getShipMethods } from './loadOptions';
import { searchCustomerCatalogItems } from './searchCustomerCatalogItems';
import { searchInventories } from './searchInventories';
import { searchInvoices } from './searchInvoices';
import { searchItems } from './searchItems';
import { searchOrders } from './searchOrders';
import { searchAutomationTaskTypes, searchCountries, searchShipMethods } from './searchReferenceLists';

export const loadOptions = { getAutomationTaskTypes, getCountries, getShipMethods };

export const listSearch = {
	searchAutomationTaskTypes,
	searchCountries,
	searchCustomerCatalogItems,
	searchInventories,
	searchInvoices,
	searchItems,
	searchOrders,
	searchShipMethods,
};
