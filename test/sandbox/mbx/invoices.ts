/**
 * Invoices: read-only through the API (lists and GET by id in query.ts). The seed holds the
 * shipped orders' invoices and advanceOrder() adds one per order it ships (orders.ts); a row
 * keeps its organization beside the API fields, and the API never shows it.
 */
import { withoutKeys } from '../../../nodes/shared/values';
import type { InvoiceRecord, MbxInvoice } from './seed-operations';

export const INVOICE_FIELDS: ReadonlyArray<keyof MbxInvoice> = ['id', 'order_id', 'billed_at', 'total', 'created_at', 'updated_at'];

export const renderInvoice = (invoice: InvoiceRecord): MbxInvoice => withoutKeys(invoice, ['organizationId']);
