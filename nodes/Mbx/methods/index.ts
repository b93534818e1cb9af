import { getAutomationTaskTypes, getCountries, getShipMethods } from './loadOptions';
import { searchInventories } from './searchInventories';
import { searchInvoices } from './searchInvoices';
import { searchItems } from './searchItems';
import { searchOrders } from './searchOrders';

export const loadOptions = { getAutomationTaskTypes, getCountries, getShipMethods };

export const listSearch = { searchInventories, searchInvoices, searchItems, searchOrders };
