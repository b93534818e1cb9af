/**
 * The in-memory store behind the Apicbase sandbox: its options, the records the API issues or
 * accepts (tokens, codes, assortment files, deliveries) and the one state object every handler
 * module is given. The seeded data itself is built in seed.ts and customerSeed.ts.
 */
import { buildCustomerOrders, buildStockLevels, type SeedCustomerOrder, type SeedStockLevel } from './customerSeed';
import { SEED_ORDER_COUNT, buildOrders, type SeedOrder } from './seed';
import type { WebhookDelivery } from './webhooks';

export interface ApicbaseSandboxOptions {
	supplierTokenTtlSeconds?: number;
	customerTokenTtlSeconds?: number;
	/** Requests a minute per access token (null = no limit); configure() changes it at runtime. */
	rateLimitPerMinute?: number | null;
	/** Key for webhook signatures; null = the supplier client secret (Apicbase's default). */
	webhookSecret?: string | null;
	/** Seconds before an uploaded assortment file turns from PENDING to PROCESSED. */
	assortmentProcessingSeconds?: number;
}

export type Config = Required<ApicbaseSandboxOptions>;

export const DEFAULTS: Config = {
	supplierTokenTtlSeconds: 604800,
	customerTokenTtlSeconds: 604800,
	rateLimitPerMinute: 100,
	webhookSecret: null,
	assortmentProcessingSeconds: 0,
};

export interface Client {
	id: string;
	secret: string;
	kind: 'supplier' | 'customer';
}

export interface AccessToken {
	value: string;
	clientId: string;
	scopes: string[];
	expiresAtMs: number;
	revoked: boolean;
}

export interface RefreshToken {
	value: string;
	clientId: string;
	scopes: string[];
	accessToken: string;
	revoked: boolean;
}

export interface AuthorizationCode {
	code: string;
	clientId: string;
	redirectUri: string | null;
	scopes: string[];
	expiresAtMs: number;
	used: boolean;
}

export interface AssortmentFile {
	id: number;
	customerNumber: string;
	filename: string | null;
	articles: unknown[];
	createdMs: number;
}

export interface DeliveredPackage {
	id: number;
	/** The purchase order line delivered (SeedPoPackage.id); the API names it by its supplier package. */
	line: number;
	supplierPackage: number;
	quantityMilli: number;
	priceCents: number | null;
	intakeReason: string | null;
}

export interface Delivery {
	id: number;
	purchaseOrder: number;
	status: 'DRAFT' | 'SUBMITTED';
	remarks: string | null;
	updateStock: boolean;
	totalDiscountCents: number | null;
	totalDiscountRemarks: string | null;
	packages: DeliveredPackage[];
	createdMs: number;
	deliveryDateUs: number | null;
}

/** A supplier order list and what it was made from (see cachedOrders in supplierOrders.ts). */
export interface CachedOrderList {
	source: SeedOrder[];
	length: number;
	revision: number;
	rows: SeedOrder[];
}

export interface ApicbaseState {
	config: Config;
	/** Supplier-side purchase orders: the seed plus added and webhook-accepted ones. */
	orders: SeedOrder[];
	nextSeq: number;
	accessTokens: Map<string, AccessToken>;
	refreshTokens: Map<string, RefreshToken>;
	codes: Map<string, AuthorizationCode>;
	buckets: Map<string, { windowStartMs: number; count: number }>;
	webhookDeliveries: WebhookDelivery[];
	/** Added to Date.now(): lets tests expire codes, tokens and rate windows without waiting. */
	clockOffsetMs: number;
	files: AssortmentFile[];
	/** Supplier order lists by ordering and filters, kept between requests (see cachedOrders). */
	orderLists: Map<string, CachedOrderList>;
	/** Goes up when a supplier flag of an order changes (the only change an order sees after it is made). */
	flagsRevision: number;
	customerOrders: SeedCustomerOrder[];
	/** Customer-side deliveries (receipts of purchase orders), drafts and submitted. */
	deliveries: Delivery[];
	stockLevels: SeedStockLevel[];
}

/** The state of a sandbox just started with `config`: the seed, no tokens, uploads or deliveries. */
export function freshState(config: Config): ApicbaseState {
	return {
		config: { ...config },
		orders: buildOrders(),
		nextSeq: SEED_ORDER_COUNT + 1,
		accessTokens: new Map(),
		refreshTokens: new Map(),
		codes: new Map(),
		buckets: new Map(),
		webhookDeliveries: [],
		clockOffsetMs: 0,
		files: [],
		orderLists: new Map(),
		flagsRevision: 0,
		customerOrders: buildCustomerOrders(),
		deliveries: [],
		stockLevels: buildStockLevels(),
	};
}

/** The sandbox clock (codes, tokens, rate-limit windows and *_at stamps use it). */
export function sandboxNow(state: ApicbaseState): number {
	return Date.now() + state.clockOffsetMs;
}
